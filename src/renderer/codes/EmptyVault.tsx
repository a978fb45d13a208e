import type { ItemTemplate } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';

interface EmptyVaultProps {
  readonly onAdd: (template: ItemTemplate | null) => void;
  /** People leaving another app bring an export file. */
  readonly onImport: () => void;
}

/** The first step in a new vault: add an account, with the Microsoft 365 path spelled out, or import them. */
export function EmptyVault({ onAdd, onImport }: EmptyVaultProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  return (
    <section className="empty-vault" aria-labelledby="empty-vault-title">
      <div className="empty-card">
        <div className="empty-illustration" aria-hidden="true">
          <Icon name="key" />
        </div>
        <h1 id="empty-vault-title" className="empty-title">
          {t('empty.title')}
        </h1>
        <p className="empty-body">{t('empty.body')}</p>
        <div className="empty-microsoft">
          <h2 className="empty-subtitle">{t('empty.microsoftTitle')}</h2>
          <p>{t('empty.microsoftBody')}</p>
        </div>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={() => onAdd('microsoft365')} autoFocus>
            <Icon name="plus" />
            {t('empty.addMicrosoft')}
          </button>
          <button type="button" className="button" onClick={() => onAdd(null)}>
            {t('empty.add')}
          </button>
          <button type="button" className="button" onClick={onImport}>
            <Icon name="import" />
            {t('empty.import')}
          </button>
        </div>
      </div>
    </section>
  );
}
