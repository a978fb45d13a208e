import { type FormEvent, useId, useState } from 'react';
import type { ErrorInfo } from '../../shared/errors.js';
import { MASTER_PASSWORD_LIMITS } from '../../shared/settings.js';
import { useAppServices } from '../app/AppServices.js';
import { ErrorMessage } from '../app/ErrorMessage.js';
import { PasswordInput } from '../app/PasswordInput.js';
import { StrengthMeter } from '../unlock/StrengthMeter.js';

/** Current password, new password twice; main re-wraps the vault key (about a second of Argon2id). */
export function ChangePasswordForm() {
  const { bridge, translator, notify, reportError } = useAppServices();
  const { t } = translator;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const ids = { current: useId(), next: useId(), repeat: useId(), rule: useId(), strength: useId(), mismatch: useId() };

  const length = [...next].length;
  const longEnough = length >= MASTER_PASSWORD_LIMITS.minCharacters && length <= MASTER_PASSWORD_LIMITS.maxCharacters;
  const mismatch = repeat !== '' && repeat !== next && repeat.length >= next.length;
  const ready = current !== '' && longEnough && next === repeat;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    const result = await bridge.api.changePassword({ currentPassword: current, newPassword: next });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'VAULT_LOCKED') reportError(result.error);
      else setError(result.error);
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    notify({ text: t('settings.passwordChanged') });
  };

  return (
    <form className="form" onSubmit={submit} aria-busy={busy} noValidate>
      <div className="field">
        <label className="label" htmlFor={ids.current}>
          {t('settings.currentPassword')}
        </label>
        <PasswordInput id={ids.current} value={current} autoComplete="current-password" onChange={(event) => setCurrent(event.target.value)} aria-invalid={error?.code === 'WRONG_PASSWORD'} />
      </div>
      <div className="field">
        <label className="label" htmlFor={ids.next}>
          {t('settings.newPassword')}
        </label>
        <PasswordInput id={ids.next} value={next} autoComplete="new-password" aria-describedby={`${ids.rule} ${ids.strength}`} onChange={(event) => setNext(event.target.value)} />
        <p className="hint" id={ids.rule}>
          {translator.plural('create.minimum', MASTER_PASSWORD_LIMITS.minCharacters)}
        </p>
        <StrengthMeter password={next} minimumLength={MASTER_PASSWORD_LIMITS.minCharacters} id={ids.strength} />
      </div>
      <div className="field">
        <label className="label" htmlFor={ids.repeat}>
          {t('settings.repeatPassword')}
        </label>
        <PasswordInput
          id={ids.repeat}
          value={repeat}
          autoComplete="new-password"
          aria-invalid={mismatch}
          aria-describedby={mismatch ? ids.mismatch : undefined}
          onChange={(event) => setRepeat(event.target.value)}
        />
        {mismatch && (
          <p className="hint hint-error" id={ids.mismatch} role="alert">
            {t('create.mismatch')}
          </p>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div>
        <button type="submit" className="button button-primary" disabled={!ready || busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('settings.changing') : t('settings.changePassword')}
        </button>
      </div>
    </form>
  );
}
