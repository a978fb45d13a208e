import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';

/**
 * Where Microsoft's security-info page keeps the secret key, step by step; and, since the same page shows
 * the account as a QR code first, the way to read that instead.
 */
export function MicrosoftSteps({ onScan }: { readonly onScan: () => void }) {
  const { translator } = useAppServices();
  const { t } = translator;
  return (
    <section className="message message-info microsoft-steps" aria-labelledby="microsoft-steps-title">
      <div>
        <h3 id="microsoft-steps-title" className="message-title">
          {t('microsoft.title')}
        </h3>
        <ol className="steps">
          <li>{t('microsoft.step1')}</li>
          <li>{t('microsoft.step2')}</li>
          <li>{t('microsoft.step3')}</li>
          <li>{t('microsoft.step4')}</li>
        </ol>
        <p className="microsoft-scan">
          {t('microsoft.scanHint')}{' '}
          <button type="button" className="button button-small" onClick={onScan}>
            <Icon name="qr" />
            {t('microsoft.scanInstead')}
          </button>
        </p>
      </div>
    </section>
  );
}
