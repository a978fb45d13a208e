import { useEffect, useId, useState } from 'react';
import { useAppServices } from '../app/AppServices.js';
import { parseWholeNumber } from './parseWholeNumber.js';

interface NumberSettingProps {
  readonly label: string;
  readonly hint?: string;
  readonly value: number;
  readonly minimum: number;
  readonly maximum: number;
  /** Called with a valid, changed value when the field is left or Enter is pressed. */
  readonly onCommit: (value: number) => void;
}

/** A whole-number setting, saved when the user leaves the field, with the allowed range said when it is wrong. */
export function NumberSetting({ label, hint, value, minimum, maximum, onCommit }: NumberSettingProps) {
  const { translator } = useAppServices();
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => setText(String(value)), [value]);

  const commit = () => {
    const parsed = parseWholeNumber(text, minimum, maximum);
    setInvalid(parsed === null);
    if (parsed !== null && parsed !== value) onCommit(parsed);
  };

  const describedBy = [hint === undefined ? null : hintId, invalid ? errorId : null].filter((id) => id !== null).join(' ') || undefined;
  return (
    <div className="field">
      <label className="label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="input input-number"
        type="number"
        inputMode="numeric"
        step={1}
        min={minimum}
        max={maximum}
        value={text}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className="hint hint-error" id={errorId} role="alert">
          {translator.t('settings.outOfRange', { min: minimum, max: maximum })}
        </p>
      )}
    </div>
  );
}
