import { type FormEvent, useId, useState } from 'react';
import type { VaultStatus } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { MASTER_PASSWORD_LIMITS } from '../../shared/settings.js';
import { useAppServices } from '../app/AppServices.js';
import { ErrorMessage } from '../app/ErrorMessage.js';
import { Icon } from '../app/Icon.js';
import { PasswordInput } from '../app/PasswordInput.js';
import { AuthLayout } from './AuthLayout.js';
import { StrengthMeter } from './StrengthMeter.js';
import { useCapsLock } from './useCapsLock.js';

/** First run: choose the master password (twice) and create the vault, which takes about a second of Argon2id. */
export function CreateVaultScreen({ path, onCreated }: { readonly path: string; readonly onCreated: (status: VaultStatus) => void }) {
  const { bridge, translator } = useAppServices();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatTouched, setRepeatTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const { capsLock, onKeyEvent } = useCapsLock();
  const passwordId = useId();
  const repeatId = useId();
  const ruleId = useId();
  const strengthId = useId();
  const mismatchId = useId();
  const warningId = useId();
  const capsId = useId();

  const length = [...password].length;
  const longEnough = length >= MASTER_PASSWORD_LIMITS.minCharacters && length <= MASTER_PASSWORD_LIMITS.maxCharacters;
  const mismatch = repeat !== '' && repeat !== password && (repeatTouched || repeat.length >= password.length);
  const ready = longEnough && repeat === password;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRepeatTouched(true);
    if (busy || !ready) return;
    setBusy(true);
    setError(null);
    const result = await bridge.api.createVault({ password });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      setRepeat('');
      onCreated(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <AuthLayout footnote={translator.t('create.location', { path })}>
      <h1 className="auth-title">{translator.t('create.title')}</h1>
      <p className="auth-intro">{translator.t('create.intro')}</p>
      <form className="form" onSubmit={submit} aria-busy={busy} noValidate>
        <div className="field">
          <label className="label" htmlFor={passwordId}>
            {translator.t('create.password')}
          </label>
          <PasswordInput
            id={passwordId}
            value={password}
            autoFocus
            autoComplete="new-password"
            aria-describedby={`${ruleId} ${strengthId}${capsLock ? ` ${capsId}` : ''}`}
            onChange={(event) => setPassword(event.target.value)}
            onKeyDown={onKeyEvent}
            onKeyUp={onKeyEvent}
            readOnly={busy}
          />
          <p className="hint" id={ruleId}>
            {translator.plural('create.minimum', MASTER_PASSWORD_LIMITS.minCharacters)}
          </p>
          {capsLock && (
            <p className="hint hint-warning" id={capsId}>
              {translator.t('unlock.capsLock')}
            </p>
          )}
          <StrengthMeter password={password} minimumLength={MASTER_PASSWORD_LIMITS.minCharacters} id={strengthId} />
        </div>
        <div className="field">
          <label className="label" htmlFor={repeatId}>
            {translator.t('create.repeat')}
          </label>
          <PasswordInput
            id={repeatId}
            value={repeat}
            autoComplete="new-password"
            aria-invalid={mismatch}
            aria-describedby={mismatch ? mismatchId : undefined}
            onChange={(event) => setRepeat(event.target.value)}
            onBlur={() => setRepeatTouched(true)}
            onKeyDown={onKeyEvent}
            onKeyUp={onKeyEvent}
            readOnly={busy}
          />
          {mismatch && (
            <p className="hint hint-error" id={mismatchId} role="alert">
              {translator.t('create.mismatch')}
            </p>
          )}
        </div>
        <div className="message message-warning" id={warningId}>
          <Icon name="alert" className="message-icon" />
          <div>
            <p className="message-title">{translator.t('create.warningTitle')}</p>
            <p>{translator.t('create.warning')}</p>
          </div>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button button-primary button-wide" disabled={busy || !ready} aria-describedby={warningId}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? translator.t('create.busy') : translator.t('create.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
