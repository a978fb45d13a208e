import { useEffect, useId, useRef } from 'react';
import { useAppServices } from '../app/AppServices.js';
import { ErrorMessage } from '../app/ErrorMessage.js';
import { Icon } from '../app/Icon.js';
import { useSecondTicks } from '../app/useSecondTicks.js';
import { CountdownRing } from '../codes/CountdownRing.js';
import { groupCode, splitEvery } from '../../shared/groupCode.js';
import { describeOtpSummary } from './describeOtpSummary.js';
import type { OtpDraft } from './itemDraft.js';
import { type PreviewState, useOtpPreview } from './useOtpPreview.js';

interface OtpFieldEditorProps {
  readonly number: number;
  readonly field: OtpDraft;
  /** Passed to previewOtp, so a bare secret gets the item's title and username in its URI. */
  readonly issuer: string;
  readonly account: string;
  readonly onChange: (field: OtpDraft) => void;
  readonly onRemove: () => void;
  readonly secretRef?: (element: HTMLInputElement | null) => void;
}

/**
 * A TOTP field being edited: label and secret box, and under it main's reading of the secret — the
 * normalised secret in groups of four, the settings, and the live code to type into the sign-in page
 * before saving — or what is wrong with it, in main's words (which name the bad character).
 */
export function OtpFieldEditor({ number, field, issuer, account, onChange, onRemove, secretRef }: OtpFieldEditorProps) {
  const { translator } = useAppServices();
  const preview = useOtpPreview(field.text, issuer, account);
  const { t } = translator;
  const labelId = useId();
  const secretId = useId();
  const hintId = useId();
  const statusId = useId();
  const invalid = preview.status === 'invalid';
  const statusRef = useRef<HTMLDivElement>(null);
  // A pasted secret's code is what the user came for: bring it into view (the form is long).
  const shownState = preview.status === 'valid' || preview.status === 'invalid' ? preview.status : null;
  useEffect(() => {
    if (shownState !== null) statusRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [shownState]);
  return (
    <fieldset className="otp-editor">
      <legend className="otp-editor-legend">{t('editor.otpLegend', { number })}</legend>
      <button type="button" className="icon-button icon-button-small otp-editor-remove" aria-label={t('editor.removeOtp', { number })} title={t('editor.removeOtp', { number })} onClick={onRemove}>
        <Icon name="trash" />
      </button>
      <div className="field">
        <label className="label" htmlFor={secretId}>
          {t('editor.otpSecret')}
        </label>
        <input
          ref={secretRef}
          id={secretId}
          className="input input-mono"
          value={field.text}
          onChange={(event) => onChange({ ...field, text: event.target.value })}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={invalid}
          aria-describedby={`${hintId} ${statusId}`}
          data-testid="otp-secret-input"
        />
        <p className="hint" id={hintId}>
          {t('editor.otpSecretHint')}
        </p>
      </div>
      <div id={statusId} ref={statusRef} aria-live="polite" className="otp-preview-status">
        <PreviewPanel preview={preview} />
      </div>
      <div className="field">
        <label className="label" htmlFor={labelId}>
          {t('editor.otpLabel')}
        </label>
        <input id={labelId} className="input" value={field.label} onChange={(event) => onChange({ ...field, label: event.target.value })} />
      </div>
    </fieldset>
  );
}

function PreviewPanel({ preview }: { readonly preview: PreviewState }) {
  const { translator } = useAppServices();
  const { t } = translator;
  const live = preview.status === 'valid' && preview.preview.current !== null;
  const now = useSecondTicks(live);
  if (preview.status === 'empty') return null;
  if (preview.status === 'checking') return <p className="hint">{t('preview.checking')}</p>;
  if (preview.status === 'invalid') {
    return <ErrorMessage error={preview.error} announce={false} className="otp-preview-error" testId="otp-preview-error" />;
  }
  const { preview: value, receivedAt } = preview;
  const current = value.current;
  const remaining = current === null ? 0 : Math.max(0, current.remaining - Math.floor(Math.max(0, now - receivedAt) / 1000));
  return (
    <div className="otp-preview" data-testid="otp-preview">
      <dl className="otp-preview-facts">
        <div>
          <dt>{t('preview.secret')}</dt>
          <dd className="detail-value-mono">{splitEvery(value.secret, 4)}</dd>
        </div>
        <div>
          <dt>{t('preview.settings')}</dt>
          <dd>{describeOtpSummary(value.summary, translator)}</dd>
        </div>
      </dl>
      {current === null ? (
        <p className="hint">{t('preview.hotpNote')}</p>
      ) : (
        // The code changes every period: announcing each one would drown out everything else.
        <div className="otp-preview-code" aria-live="off">
          <span className="otp-preview-code-label">{t('preview.currentCode')}</span>
          <span className="code code-large" data-testid="otp-preview-code">
            {groupCode(current.code)}
          </span>
          <CountdownRing remaining={remaining} period={current.period} codeKey={current.code} />
          <p className="hint otp-preview-verify">{t('preview.verify')}</p>
        </div>
      )}
    </div>
  );
}
