import { useId } from 'react';
import { ITEM_TEMPLATES, type CustomField, type ItemTemplate } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import { PasswordInput } from '../app/PasswordInput.js';
import { type ItemDraft, type OtpDraft, previewContext } from './itemDraft.js';
import { MicrosoftSteps } from './MicrosoftSteps.js';
import { newFieldId } from './newFieldId.js';
import { OtpFieldEditor } from './OtpFieldEditor.js';
import { TagInput } from './TagInput.js';
import { TEMPLATE_NAMES } from './templateNames.js';

interface ItemFormProps {
  readonly draft: ItemDraft;
  readonly onChange: (draft: ItemDraft) => void;
  readonly titleMissing: boolean;
  readonly titleRef: (element: HTMLInputElement | null) => void;
  readonly secretRef: (fieldId: string) => (element: HTMLInputElement | null) => void;
  readonly onScanInstead: () => void;
}

/** Every field of an item, in the order the Microsoft 365 set-up needs them: title, account, secret, then the rest. */
export function ItemForm({ draft, onChange, titleMissing, titleRef, secretRef, onScanInstead }: ItemFormProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const ids = {
    template: useId(),
    title: useId(),
    titleHint: useId(),
    titleError: useId(),
    username: useId(),
    email: useId(),
    password: useId(),
    phone: useId(),
    question: useId(),
    answer: useId(),
    notes: useId(),
    favourite: useId(),
    websites: useId(),
  };
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => onChange({ ...draft, [key]: value });
  const { issuer, account } = previewContext(draft);

  const updateOtp = (index: number, field: OtpDraft) => set('otp', draft.otp.map((candidate, position) => (position === index ? field : candidate)));
  const updateCustom = (index: number, field: CustomField) =>
    set('customFields', draft.customFields.map((candidate, position) => (position === index ? field : candidate)));
  const hasMore = draft.phone !== '' || draft.securityQuestion !== '' || draft.securityAnswer !== '' || draft.customFields.length > 0;

  return (
    <>
      <div className="field">
        <label className="label" htmlFor={ids.template}>
          {t('editor.templateLegend')}
        </label>
        <select id={ids.template} className="select" value={draft.template} onChange={(event) => set('template', event.target.value as ItemTemplate)}>
          {ITEM_TEMPLATES.map((template) => (
            <option key={template} value={template}>
              {t(TEMPLATE_NAMES[template])}
            </option>
          ))}
        </select>
      </div>
      {draft.template === 'microsoft365' && <MicrosoftSteps onScan={onScanInstead} />}
      <div className="field">
        <label className="label" htmlFor={ids.title}>
          {t('editor.title')}
        </label>
        <input
          ref={titleRef}
          id={ids.title}
          className="input"
          value={draft.title}
          required
          autoFocus
          data-autofocus
          aria-invalid={titleMissing}
          aria-describedby={titleMissing ? `${ids.titleError} ${ids.titleHint}` : ids.titleHint}
          onChange={(event) => set('title', event.target.value)}
          data-testid="item-title-input"
        />
        {titleMissing && (
          <p className="hint hint-error" id={ids.titleError} role="alert">
            {t('editor.titleRequired')}
          </p>
        )}
        <p className="hint" id={ids.titleHint}>
          {t('editor.titleHint')}
        </p>
      </div>
      <div className="field-row">
        <div className="field">
          <label className="label" htmlFor={ids.username}>
            {t('editor.username')}
          </label>
          <input id={ids.username} className="input" value={draft.username} autoComplete="off" spellCheck={false} onChange={(event) => set('username', event.target.value)} />
        </div>
        <div className="field">
          <label className="label" htmlFor={ids.email}>
            {t('editor.email')}
          </label>
          <input id={ids.email} className="input" type="email" value={draft.email} autoComplete="off" spellCheck={false} onChange={(event) => set('email', event.target.value)} />
        </div>
      </div>

      <section className="form-section" aria-labelledby="editor-otp-title">
        <h3 id="editor-otp-title" className="form-section-title">
          {t('editor.otp')}
        </h3>
        {draft.otp.map((field, index) => (
          <OtpFieldEditor
            key={field.id}
            number={index + 1}
            field={field}
            issuer={issuer}
            account={account}
            onChange={(changed) => updateOtp(index, changed)}
            onRemove={() => set('otp', draft.otp.filter((candidate) => candidate.id !== field.id))}
            secretRef={secretRef(field.id)}
          />
        ))}
        <button type="button" className="button button-small" onClick={() => set('otp', [...draft.otp, { id: newFieldId(), label: '', text: '' }])}>
          <Icon name="plus" />
          {t('editor.addOtp')}
        </button>
      </section>

      <div className="field">
        <label className="label" htmlFor={ids.password}>
          {t('editor.password')}
        </label>
        <PasswordInput id={ids.password} value={draft.password} autoComplete="off" onChange={(event) => set('password', event.target.value)} />
      </div>

      <fieldset className="form-group">
        <legend className="label">{t('editor.websites')}</legend>
        {draft.websites.map((website, index) => (
          <div className="input-with-button" key={index}>
            <input
              className="input"
              type="url"
              inputMode="url"
              aria-label={t('editor.website', { number: index + 1 })}
              value={website}
              spellCheck={false}
              onChange={(event) => set('websites', draft.websites.map((candidate, position) => (position === index ? event.target.value : candidate)))}
            />
            <button
              type="button"
              className="icon-button input-button"
              aria-label={t('editor.removeWebsite', { number: index + 1 })}
              title={t('editor.removeWebsite', { number: index + 1 })}
              onClick={() => set('websites', draft.websites.filter((_, position) => position !== index))}
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
        <button type="button" className="button button-small" onClick={() => set('websites', [...draft.websites, ''])}>
          <Icon name="plus" />
          {t('editor.addWebsite')}
        </button>
      </fieldset>

      <TagInput tags={draft.tags} onChange={(tags) => set('tags', tags)} />
      <div className="checkbox-field">
        <input id={ids.favourite} type="checkbox" className="checkbox" checked={draft.favorite} onChange={(event) => set('favorite', event.target.checked)} />
        <label htmlFor={ids.favourite}>{t('editor.favourite')}</label>
      </div>
      <div className="field">
        <label className="label" htmlFor={ids.notes}>
          {t('editor.notes')}
        </label>
        <textarea id={ids.notes} className="input textarea" rows={3} value={draft.notes} onChange={(event) => set('notes', event.target.value)} />
      </div>

      <details className="more-fields" open={hasMore || undefined}>
        <summary className="more-fields-summary">{t('editor.moreFields')}</summary>
        <div className="field">
          <label className="label" htmlFor={ids.phone}>
            {t('editor.phone')}
          </label>
          <input id={ids.phone} className="input" type="tel" value={draft.phone} onChange={(event) => set('phone', event.target.value)} />
        </div>
        <div className="field">
          <label className="label" htmlFor={ids.question}>
            {t('editor.securityQuestion')}
          </label>
          <input id={ids.question} className="input" value={draft.securityQuestion} onChange={(event) => set('securityQuestion', event.target.value)} />
        </div>
        <div className="field">
          <label className="label" htmlFor={ids.answer}>
            {t('editor.securityAnswer')}
          </label>
          <PasswordInput
            id={ids.answer}
            revealName={t('editor.securityAnswer')}
            value={draft.securityAnswer}
            autoComplete="off"
            onChange={(event) => set('securityAnswer', event.target.value)}
          />
        </div>
        <section className="form-section" aria-labelledby="editor-custom-title">
          <h3 id="editor-custom-title" className="form-section-title">
            {t('editor.customFields')}
          </h3>
          {draft.customFields.map((field, index) => (
            <CustomFieldEditor
              key={field.id}
              number={index + 1}
              field={field}
              onChange={(changed) => updateCustom(index, changed)}
              onRemove={() => set('customFields', draft.customFields.filter((candidate) => candidate.id !== field.id))}
            />
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() => set('customFields', [...draft.customFields, { id: newFieldId(), label: '', value: '', sensitive: false }])}
          >
            <Icon name="plus" />
            {t('editor.addCustomField')}
          </button>
        </section>
      </details>
    </>
  );
}

function CustomFieldEditor({
  number,
  field,
  onChange,
  onRemove,
}: {
  readonly number: number;
  readonly field: CustomField;
  readonly onChange: (field: CustomField) => void;
  readonly onRemove: () => void;
}) {
  const { translator } = useAppServices();
  const { t } = translator;
  const labelId = useId();
  const valueId = useId();
  const sensitiveId = useId();
  return (
    <fieldset className="custom-field">
      <legend className="visually-hidden">{t('editor.customLegend', { number })}</legend>
      <div className="field">
        <label className="label" htmlFor={labelId}>
          {t('editor.customLabel')}
        </label>
        <input id={labelId} className="input" value={field.label} onChange={(event) => onChange({ ...field, label: event.target.value })} />
      </div>
      <div className="field">
        <label className="label" htmlFor={valueId}>
          {t('editor.customValue')}
        </label>
        {field.sensitive ? (
          <PasswordInput id={valueId} revealName={field.label || t('editor.customValue')} value={field.value} autoComplete="off" onChange={(event) => onChange({ ...field, value: event.target.value })} />
        ) : (
          <input id={valueId} className="input" value={field.value} onChange={(event) => onChange({ ...field, value: event.target.value })} />
        )}
      </div>
      <div className="checkbox-field">
        <input id={sensitiveId} type="checkbox" className="checkbox" checked={field.sensitive} onChange={(event) => onChange({ ...field, sensitive: event.target.checked })} />
        <label htmlFor={sensitiveId}>{t('editor.customSensitive')}</label>
      </div>
      <button type="button" className="icon-button icon-button-small custom-field-remove" aria-label={t('editor.removeCustomField', { number })} title={t('editor.removeCustomField', { number })} onClick={onRemove}>
        <Icon name="trash" />
      </button>
    </fieldset>
  );
}
