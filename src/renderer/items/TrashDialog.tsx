import { useCallback, useEffect, useState } from 'react';
import type { ItemSummary } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';
import { ConfirmDialog } from '../app/ConfirmDialog.js';
import { Dialog } from '../app/Dialog.js';
import { Icon } from '../app/Icon.js';

/** Items in the trash, each with Restore and Delete forever (which asks first). */
export function TrashDialog({ onClose }: { readonly onClose: () => void }) {
  const { bridge, translator, reportError, notify } = useAppServices();
  const { t } = translator;
  const [items, setItems] = useState<readonly ItemSummary[] | null>(null);
  const [deleting, setDeleting] = useState<ItemSummary | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await bridge.api.listItems({ trashed: true });
    if (result.ok) setItems(result.value);
    else reportError(result.error);
  }, [bridge, reportError]);

  useEffect(() => {
    void load();
    return bridge.events.on('vaultChanged', () => void load());
  }, [bridge, load]);

  const titleOf = (item: ItemSummary) => item.title || t('common.untitled');

  const restore = async (item: ItemSummary) => {
    setBusy(true);
    const result = await bridge.api.restoreItem({ id: item.id });
    setBusy(false);
    if (!result.ok) return reportError(result.error);
    notify({ text: t('details.restored', { title: titleOf(item) }) });
    void load();
  };

  const deleteForever = async (item: ItemSummary) => {
    setBusy(true);
    const result = await bridge.api.deleteItem({ id: item.id });
    setBusy(false);
    setDeleting(null);
    if (!result.ok) return reportError(result.error);
    notify({ text: t('trash.deleted', { title: titleOf(item) }) });
    void load();
  };

  const dateFormat = new Intl.DateTimeFormat(translator.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Dialog title={t('trash.title')} onClose={onClose} size="medium" testId="trash-dialog">
      <div className="dialog-body">
        {items === null && <p aria-busy="true">{t('common.loading')}</p>}
        {items?.length === 0 && (
          <p className="trash-empty">
            <Icon name="trash" />
            {t('trash.empty')}
          </p>
        )}
        {items !== null && items.length > 0 && (
          <ul className="trash-list" aria-label={t('trash.listLabel')}>
            {items.map((item) => {
              const title = titleOf(item);
              const subtitle = [item.username, item.email].filter((part) => part !== '').join(' · ');
              return (
                <li key={item.id} className="trash-item">
                  <div className="trash-item-text">
                    <span className="trash-item-title">{title}</span>
                    {subtitle !== '' && <span className="trash-item-subtitle">{subtitle}</span>}
                    {item.trashedAt !== null && <span className="hint">{t('trash.trashedOn', { date: dateFormat.format(item.trashedAt) })}</span>}
                  </div>
                  <div className="trash-item-actions">
                    <button type="button" className="button button-small" onClick={() => void restore(item)} disabled={busy} aria-label={t('trash.restoreNamed', { title })}>
                      <Icon name="restore" />
                      {t('trash.restore')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-quiet"
                      onClick={() => setDeleting(item)}
                      disabled={busy}
                      aria-label={t('trash.deleteForeverNamed', { title })}
                    >
                      <Icon name="trash" />
                      {t('trash.deleteForever')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {deleting !== null && (
        <ConfirmDialog
          title={t('trash.confirmTitle', { title: titleOf(deleting) })}
          body={t('trash.confirmBody')}
          confirmLabel={t('trash.deleteForever')}
          danger
          busy={busy}
          onConfirm={() => void deleteForever(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </Dialog>
  );
}
