import { useState } from 'react';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import type { CopyRequest } from '../codes/copiedText.js';

interface DetailFieldProps {
  readonly label: string;
  readonly value: string;
  /** Masked until the user shows it (passwords, answers, sensitive custom fields). */
  readonly sensitive?: boolean;
  readonly multiline?: boolean;
  readonly monospace?: boolean;
  readonly onCopy?: (request: CopyRequest) => Promise<boolean>;
}

/** One labelled value of the item view, with show and copy buttons as it needs. */
export function DetailField({ label, value, sensitive = false, multiline = false, monospace = false, onCopy }: DetailFieldProps) {
  const { translator } = useAppServices();
  const [visible, setVisible] = useState(false);
  const masked = sensitive && !visible;
  const valueClass = ['detail-value', multiline ? 'detail-value-multiline' : '', monospace || (sensitive && visible) ? 'detail-value-mono' : '']
    .filter(Boolean)
    .join(' ');
  const showLabel = translator.t(visible ? 'common.hideValue' : 'common.showValue', { name: label });
  const copyLabel = translator.t('common.copyNamed', { name: label });
  return (
    <div className="detail-field">
      <dt className="detail-label">{label}</dt>
      <dd className="detail-field-body">
        <span className={valueClass}>{masked ? (
            <>
              <span aria-hidden="true">••••••••••</span>
              <span className="visually-hidden">{translator.t('common.hidden')}</span>
            </>
          ) : (
            value
          )}</span>
        <span className="detail-actions">
          {sensitive && (
            <button type="button" className="icon-button icon-button-small" aria-label={showLabel} title={showLabel} aria-pressed={visible} onClick={() => setVisible(!visible)}>
              <Icon name={visible ? 'eyeOff' : 'eye'} />
            </button>
          )}
          {onCopy !== undefined && (
            <button
              type="button"
              className="icon-button icon-button-small"
              aria-label={copyLabel}
              title={copyLabel}
              onClick={() => void onCopy({ text: value, message: translator.t('common.copiedNamed', { name: label }) })}
            >
              <Icon name="copy" />
            </button>
          )}
        </span>
      </dd>
    </div>
  );
}
