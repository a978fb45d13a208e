import type { ErrorInfo } from '../../shared/errors.js';
import { useAppServices } from './AppServices.js';
import { ErrorMessage } from './ErrorMessage.js';

/** What shows while the first status call is out, or when it failed (the host is not answering). */
export function StartupScreen({ error, onRetry }: { readonly error: ErrorInfo | null; readonly onRetry: () => void }) {
  const { translator } = useAppServices();
  return (
    <main className="auth-screen">
      <div className="auth-card" aria-busy={error === null}>
        <img className="auth-logo" src="./icon.svg" alt="" width={56} height={56} />
        {error === null ? (
          <p className="auth-loading" role="status">
            {translator.t('app.loading')}
          </p>
        ) : (
          <>
            <h1 className="auth-title">{translator.t('app.startFailed')}</h1>
            <ErrorMessage error={error} />
            <button type="button" className="button button-primary button-wide" onClick={onRetry} autoFocus>
              {translator.t('common.retry')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
