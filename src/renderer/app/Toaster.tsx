import type { ToastAction } from './AppServices.js';
import { useAppServices } from './AppServices.js';
import { Icon } from './Icon.js';

export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
  readonly action: ToastAction | null;
}

/**
 * Short messages at the bottom of the window. Two live regions that always exist (a region added
 * together with its text is often not announced): polite for news, assertive for errors.
 */
export function Toaster({ toasts, onDismiss }: { readonly toasts: readonly Toast[]; readonly onDismiss: (id: number) => void }) {
  const { translator } = useAppServices();
  const render = (toast: Toast) => (
    <div key={toast.id} className={`toast toast-${toast.tone}`}>
      {toast.tone === 'error' && <Icon name="alert" className="toast-icon" />}
      <p className="toast-text">{toast.text}</p>
      {toast.action !== null && (
        <button
          type="button"
          className="button button-small toast-action"
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button icon-button-small" aria-label={translator.t('common.dismiss')} title={translator.t('common.dismiss')} onClick={() => onDismiss(toast.id)}>
        <Icon name="close" />
      </button>
    </div>
  );
  return (
    <section className="toaster" aria-label={translator.t('app.notifications')}>
      <div role="status" className="toast-stack">
        {toasts.filter((toast) => toast.tone === 'info').map(render)}
      </div>
      <div role="alert" className="toast-stack">
        {toasts.filter((toast) => toast.tone === 'error').map(render)}
      </div>
    </section>
  );
}
