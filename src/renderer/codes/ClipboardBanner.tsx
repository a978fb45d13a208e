import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import { useSecondTicks } from '../app/useSecondTicks.js';
import { type CopiedText, hasRolledOver, secondsUntilClear } from './copiedText.js';

interface ClipboardBannerProps {
  readonly copied: CopiedText | null;
  readonly onCopyNew: (fieldKey: string) => void;
  readonly onDismiss: () => void;
}

/**
 * "Copied — clears in 27 s" in the status bar. The sentence is a polite live region, announced once per
 * copy (it is keyed by the copy time); the countdown beside it is not, or it would speak every second.
 */
export function ClipboardBanner({ copied, onCopyNew, onDismiss }: ClipboardBannerProps) {
  const { translator } = useAppServices();
  const ticked = useSecondTicks(copied !== null);
  // The ticker's last value may predate a copy made since (the ticker keeps running between copies).
  const now = copied === null ? ticked : Math.max(ticked, copied.copiedAt);
  const seconds = copied === null ? null : secondsUntilClear(copied, now);
  const rolledOver = copied !== null && hasRolledOver(copied, now);
  return (
    <div className="clipboard-banner" data-testid="clipboard-banner">
      <div role="status" className="clipboard-announcement">
        {copied !== null && (
          <span key={copied.copiedAt} className="clipboard-message">
            <Icon name="check" className="clipboard-icon" />
            {copied.message}
          </span>
        )}
      </div>
      {copied !== null && (
        <>
          <span className="clipboard-countdown">
            {seconds === null ? translator.t('clipboard.keptUntilCopied') : translator.t('clipboard.clearsIn', { count: seconds })}
          </span>
          {rolledOver && copied.fieldKey !== null && (
            <span className="clipboard-expired">
              {translator.t('clipboard.expired')}
              <button type="button" className="button button-small" onClick={() => copied.fieldKey !== null && onCopyNew(copied.fieldKey)}>
                {translator.t('clipboard.copyNew')}
              </button>
            </span>
          )}
          <button type="button" className="icon-button icon-button-small" aria-label={translator.t('common.dismiss')} title={translator.t('common.dismiss')} onClick={onDismiss}>
            <Icon name="close" />
          </button>
        </>
      )}
    </div>
  );
}
