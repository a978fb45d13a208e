import { type ComponentPropsWithRef, useState } from 'react';
import { useAppServices } from './AppServices.js';
import { Icon } from './Icon.js';

type PasswordInputProps = Omit<ComponentPropsWithRef<'input'>, 'type'> & {
  readonly id: string;
  /** Names the show/hide button: "Show password" when omitted, else "Show {name}". */
  readonly revealName?: string;
};

/** A masked input with a button that shows what was typed; the mask comes back when the input unmounts. */
export function PasswordInput({ revealName, className, ...inputProps }: PasswordInputProps) {
  const { translator } = useAppServices();
  const [visible, setVisible] = useState(false);
  const label =
    revealName === undefined
      ? translator.t(visible ? 'common.hidePassword' : 'common.showPassword')
      : translator.t(visible ? 'common.hideValue' : 'common.showValue', { name: revealName });
  return (
    <div className="input-with-button">
      <input
        {...inputProps}
        className={className === undefined ? 'input' : `input ${className}`}
        type={visible ? 'text' : 'password'}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
      />
      <button type="button" className="icon-button input-button" aria-label={label} title={label} aria-pressed={visible} onClick={() => setVisible(!visible)}>
        <Icon name={visible ? 'eyeOff' : 'eye'} />
      </button>
    </div>
  );
}
