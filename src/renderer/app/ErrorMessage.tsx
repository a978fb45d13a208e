import type { ErrorInfo } from '../../shared/errors.js';
import { type ErrorDescription, describeError } from '../i18n/describeError.js';
import { useAppServices } from './AppServices.js';
import { Icon } from './Icon.js';

interface ErrorMessageProps {
  /** A failed call, described by its code; or a description already made (a dialog's own wording, a problem found here). */
  readonly error: ErrorInfo | ErrorDescription;
  readonly id?: string;
  /**
   * False for a message that follows typing (the secret preview): an alert on every keystroke would
   * interrupt a screen reader mid-word; it sits in the field's polite live region, which aria-describedby names.
   */
  readonly announce?: boolean;
  readonly className?: string;
  readonly testId?: string;
}

/** A failed call's message where it happened (a form); main's own wording is added for input problems. */
export function ErrorMessage({ error, id, announce = true, className, testId }: ErrorMessageProps) {
  const { translator } = useAppServices();
  const { summary, detail } = 'code' in error ? describeError(error, translator) : error;
  return (
    <div className={className ? `message message-error ${className}` : 'message message-error'} role={announce ? 'alert' : undefined} id={id} data-testid={testId}>
      <Icon name="alert" className="message-icon" />
      <div>
        <p>{summary}</p>
        {detail !== null && <p className="message-detail">{detail}</p>}
      </div>
    </div>
  );
}
