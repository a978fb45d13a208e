import { type ReactNode, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useAppServices } from './AppServices.js';
import { Icon } from './Icon.js';

interface DialogProps {
  readonly title: string;
  /** Escape, the close button, or the caller's own buttons; the caller unmounts the dialog. */
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly size?: 'small' | 'medium' | 'large';
  readonly role?: 'dialog' | 'alertdialog';
  readonly describedBy?: string;
  readonly testId?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and handles
 * Escape. The element marked data-autofocus gets focus first. Focus goes back to whatever had it before, since the element that opened the dialog is
 * usually still there (a toolbar button, a list row).
 */
export function Dialog({ title, onClose, children, size = 'medium', role = 'dialog', describedBy, testId }: DialogProps) {
  const { translator } = useAppServices();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element (the close button) unless told otherwise; React's
      // autoFocus ran before the dialog opened, so the intended first field says so with data-autofocus.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={`dialog dialog-${size}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={translator.t('common.close')} title={translator.t('common.close')} onClick={() => onCloseRef.current()}>
          <Icon name="close" />
        </button>
      </header>
      {children}
    </dialog>
  );
}
