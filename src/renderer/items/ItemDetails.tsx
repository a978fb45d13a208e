import { useCallback, useEffect, useState } from 'react';
import type { FieldKey, ItemView } from '../../shared/api.js';
import type { OtpCode } from '../../shared/otp.js';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import { avatarColour, avatarInitial } from '../codes/avatarColour.js';
import type { CopyRequest } from '../codes/copiedText.js';
import { fieldKeyString } from '../codes/listRows.js';
import type { LiveCodeStore } from '../codes/liveCodeStore.js';
import { DetailField } from './DetailField.js';
import { OtpFieldDetails } from './OtpFieldDetails.js';

interface ItemDetailsProps {
  readonly itemId: string;
  readonly store: LiveCodeStore;
  readonly hotpCodes: ReadonlyMap<string, OtpCode>;
  readonly onCopy: (request: CopyRequest) => Promise<boolean>;
  readonly onCopyCode: (field: FieldKey, title: string) => void;
  readonly onShowHotpCode: (field: FieldKey, title: string) => void;
  readonly onEdit: () => void;
}

/**
 * The selected item, from getItem: OTP fields by summary only. A secret comes from revealItem when the
 * user asks for one field, and is dropped on Hide, on choosing another item (this component is keyed by
 * the item) and on lock.
 */
export function ItemDetails({ itemId, store, hotpCodes, onCopy, onCopyCode, onShowHotpCode, onEdit }: ItemDetailsProps) {
  const { bridge, translator, reportError, notify } = useAppServices();
  const { t } = translator;
  const [view, setView] = useState<ItemView | null>(null);
  const [revealed, setRevealed] = useState<{ fieldId: string; uri: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await bridge.api.getItem({ id: itemId });
    if (result.ok) setView(result.value);
    else reportError(result.error);
  }, [bridge, itemId, reportError]);

  useEffect(() => {
    void load();
    return bridge.events.on('vaultChanged', () => void load());
  }, [bridge, load]);

  const reveal = async (fieldId: string) => {
    const result = await bridge.api.revealItem({ id: itemId });
    if (!result.ok) return reportError(result.error);
    const field = result.value.otp.find((candidate) => candidate.id === fieldId);
    // Keep only the one URI asked for; the rest of the revealed item is dropped here.
    if (field !== undefined) setRevealed({ fieldId, uri: field.uri });
  };

  const moveToTrash = async () => {
    if (view === null) return;
    setBusy(true);
    const result = await bridge.api.trashItem({ id: itemId });
    setBusy(false);
    if (!result.ok) return reportError(result.error);
    const title = view.title || t('common.untitled');
    notify({
      text: t('details.trashed', { title }),
      action: {
        label: t('common.undo'),
        run: () =>
          void bridge.api.restoreItem({ id: itemId }).then((restored) => {
            if (restored.ok) notify({ text: t('details.restored', { title }) });
            else reportError(restored.error);
          }),
      },
    });
  };

  if (view === null) {
    return (
      <div className="item-details" aria-busy="true">
        <p className="detail-hint">{t('common.loading')}</p>
      </div>
    );
  }

  const title = view.title || t('common.untitled');
  const updated = new Intl.DateTimeFormat(translator.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(view.updatedAt);
  return (
    <article className="item-details" aria-labelledby="item-details-title">
      <header className="item-details-header">
        <span className={`avatar avatar-large avatar-${avatarColour(title)}`} aria-hidden="true">
          {avatarInitial(title)}
        </span>
        <div className="item-details-heading">
          <h2 id="item-details-title" className="item-details-title">
            {title}
            {view.favorite && (
              <span className="row-favourite" title={t('details.favourite')}>
                <Icon name="star" />
                <span className="visually-hidden">{t('details.favourite')}</span>
              </span>
            )}
          </h2>
          {view.tags.length > 0 && (
            <ul className="tag-list" aria-label={t('details.tags')}>
              {view.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="item-details-actions">
          <button type="button" className="button" onClick={onEdit}>
            <Icon name="edit" />
            {t('details.edit')}
          </button>
          <button type="button" className="icon-button" aria-label={t('details.trash')} title={t('details.trash')} onClick={() => void moveToTrash()} disabled={busy}>
            <Icon name="trash" />
          </button>
        </div>
      </header>

      {view.otp.length > 0 && (
        <section className="detail-section" aria-labelledby="item-details-codes">
          <h3 id="item-details-codes" className="detail-section-title">
            {t('details.oneTimeCodes')}
          </h3>
          {view.otp.map((field) => {
            const fieldKey = { itemId, fieldId: field.id };
            return (
              <OtpFieldDetails
                key={field.id}
                itemId={itemId}
                title={title}
                field={field}
                store={store}
                hotpCode={hotpCodes.get(fieldKeyString(itemId, field.id))}
                revealedUri={revealed?.fieldId === field.id ? revealed.uri : null}
                onReveal={() => void reveal(field.id)}
                onHide={() => setRevealed(null)}
                onCopy={onCopy}
                onCopyCode={() => onCopyCode(fieldKey, title)}
                onShowHotpCode={() => onShowHotpCode(fieldKey, title)}
              />
            );
          })}
        </section>
      )}

      <dl className="detail-list">
        {view.username !== '' && <DetailField label={t('details.username')} value={view.username} onCopy={onCopy} />}
        {view.email !== '' && <DetailField label={t('details.email')} value={view.email} onCopy={onCopy} />}
        {view.password !== '' && <DetailField label={t('details.password')} value={view.password} sensitive onCopy={onCopy} />}
        {view.websites.map((website, index) => (
          <DetailField key={`${index}-${website}`} label={t('details.websites')} value={website} onCopy={onCopy} />
        ))}
        {view.phone !== '' && <DetailField label={t('details.phone')} value={view.phone} onCopy={onCopy} />}
        {view.securityQuestion !== '' && <DetailField label={t('details.securityQuestion')} value={view.securityQuestion} />}
        {view.securityAnswer !== '' && <DetailField label={t('details.securityAnswer')} value={view.securityAnswer} sensitive onCopy={onCopy} />}
        {view.customFields.map((field) => (
          <DetailField key={field.id} label={field.label || t('details.customFields')} value={field.value} sensitive={field.sensitive} onCopy={onCopy} />
        ))}
        {view.notes !== '' && <DetailField label={t('details.notes')} value={view.notes} multiline />}
      </dl>
      <p className="hint item-details-updated">{t('details.updated', { date: updated })}</p>
    </article>
  );
}
