import type { ErrorInfo } from '../../shared/errors.js';
import { describeError } from '../i18n/describeError.js';
import { useAppServices } from './AppServices.js';
import { Icon } from './Icon.js';

/** A failed call's message where it happened (a form); main's own wording is added for input problems. */
export function ErrorMessage({ error, id }: { readonly error: ErrorInfo; readonly id?: string }) {
  const { translator } = useAppServices();
  const { summary, detail } = describeError(error, translator);
  return (
    <div className="message message-error" role="alert" id={id}>
      <Icon name="alert" className="message-icon" />
      <div>
        <p>{summary}</p>
        {detail !== null && <p className="message-detail">{detail}</p>}
      </div>
    </div>
  );
}
