import { useAppServices } from '../app/AppServices.js';

/** Where Microsoft's security-info page keeps the secret key, step by step. */
export function MicrosoftSteps() {
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
      </div>
    </section>
  );
}
