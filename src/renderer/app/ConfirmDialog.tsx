import { useId } from 'react';
import { useAppServices } from './AppServices.js';
import { Dialog } from './Dialog.js';

interface ConfirmDialogProps {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  readonly danger?: boolean;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before something that cannot be undone; the safe choice has focus. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, danger = false, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const { translator } = useAppServices();
  const bodyId = useId();
  return (
    <Dialog title={title} onClose={onCancel} size="small" role="alertdialog" describedBy={bodyId}>
      <div className="dialog-body">
        <p id={bodyId}>{body}</p>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onCancel} autoFocus data-autofocus>
          {cancelLabel ?? translator.t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={onConfirm} disabled={busy} aria-busy={busy}>
          {confirmLabel}
        </button>
      </footer>
    </Dialog>
  );
}
