import { type KeyboardEvent, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FieldKey, ItemView, VaultStatus } from '../../shared/api.js';
import type { ItemTemplate } from '../../shared/item.js';
import type { OtpCode } from '../../shared/otp.js';
import { useAppServices } from '../app/AppServices.js';
import { useWindowFileDrop } from '../app/useWindowFileDrop.js';
import { ImportDialog } from '../import/ImportDialog.js';
import { ItemDetails } from '../items/ItemDetails.js';
import { ItemEditor } from '../items/ItemEditor.js';
import { TrashDialog } from '../items/TrashDialog.js';
import { isEditableTarget } from '../scan/isEditableTarget.js';
import { isScanPaste, type ScanInput, scanInputFromPaste } from '../scan/scanInput.js';
import { ScanDialog } from '../scan/ScanDialog.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { ClipboardBanner } from './ClipboardBanner.js';
import { CodeList, type CodeListHandle, optionId } from './CodeList.js';
import { EmptyVault } from './EmptyVault.js';
import { buildRows, type CodeRow, collectTags, fieldKeyString, filterRows, type ListRow } from './listRows.js';
import { LiveCodeStore } from './liveCodeStore.js';
import { Toolbar } from './Toolbar.js';
import { useActivityReporter } from './useActivityReporter.js';
import { useClipboardCopy } from './useClipboardCopy.js';
import { useLiveCodes } from './useLiveCodes.js';
import { useVaultLists } from './useVaultLists.js';

type OpenDialog =
  | { readonly kind: 'editor'; readonly itemId: string | null; readonly template: ItemTemplate | null }
  | { readonly kind: 'settings' }
  | { readonly kind: 'trash' }
  /** `input`: an image or setup link pasted on the code list, scanned as the dialog opens. */
  | { readonly kind: 'scan'; readonly input: ScanInput | null }
  /** `file`: a file dropped on the vault window, read as the dialog opens. */
  | { readonly kind: 'import'; readonly file: File | null }
  | null;

/**
 * The unlocked window. Everything decrypted lives in this component and its children, and App mounts it
 * afresh for each unlock session: when the vault locks it unmounts, and entries, items, live codes,
 * previews and revealed secrets go with it.
 */
export function VaultScreen({ status, onLocked }: { readonly status: VaultStatus; readonly onLocked: () => void }) {
  const { bridge, translator, reportError } = useAppServices();
  const { t } = translator;
  const lists = useVaultLists();
  const store = useMemo(() => new LiveCodeStore(), []);
  const setFieldsFromList = useLiveCodes(store);
  const clipboard = useClipboardCopy();
  const { copy } = clipboard;
  useActivityReporter();

  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [tag, setTag] = useState<string | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [hotpCodes, setHotpCodes] = useState<ReadonlyMap<string, OtpCode>>(new Map());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<CodeListHandle>(null);
  const listId = useId();

  const rows = useMemo(() => buildRows(lists.summaries, translator.locale), [lists.summaries, translator.locale]);
  const tags = useMemo(() => collectTags(rows, translator.locale), [rows, translator.locale]);
  const activeTag = tag !== null && tags.includes(tag) ? tag : null;
  const shownRows = useMemo(() => filterRows(rows, deferredQuery, activeTag), [rows, deferredQuery, activeTag]);
  const selectedIndex = useMemo(() => shownRows.findIndex((row) => row.key === selectedKey), [shownRows, selectedKey]);
  const selectedRow = selectedIndex >= 0 ? shownRows[selectedIndex] : undefined;

  // A new search selects its best match, so typing and pressing Enter copies it. The list follows the
  // typing a render or more behind (useDeferredValue): a row the user chose with the arrows or the mouse
  // since the last keystroke stays chosen when the list catches up, or Enter would copy another code.
  const choseSinceSearch = useRef(false);
  // A saved item is chosen before the reload that lists it comes back; until it is listed, neither a
  // new search nor the fall-back to the first row may choose another. `rows` are the rows of the save's
  // moment: a newer list without the item means it is gone (deleted elsewhere), and the wait ends.
  const selectWhenListed = useRef<{ readonly key: string; readonly rows: readonly ListRow[] } | null>(null);
  useEffect(() => {
    choseSinceSearch.current = false;
  }, [query, activeTag]);
  useEffect(() => {
    if (selectWhenListed.current !== null) return;
    if (choseSinceSearch.current && shownRows.some((row) => row.key === selectedKey)) return;
    setSelectedKey(shownRows[0]?.key ?? null);
    // Only when the search changes (shownRows is read, not watched); a reload keeps the selection.
  }, [deferredQuery, activeTag]);
  useEffect(() => {
    const awaited = selectWhenListed.current;
    if (awaited !== null) {
      if (shownRows.some((row) => row.key === awaited.key)) {
        selectWhenListed.current = null;
        setSelectedKey(awaited.key);
        return;
      }
      if (rows === awaited.rows || rows.some((row) => row.key === awaited.key)) return;
      selectWhenListed.current = null;
    }
    if (selectedIndex < 0 && shownRows.length > 0 && lists.loaded) setSelectedKey(shownRows[0]?.key ?? null);
  }, [selectedIndex, shownRows, rows, lists.loaded]);

  // The detail pane shows every code of the selected item, including rows scrolled out of view.
  const listFields = useRef<readonly FieldKey[]>([]);
  const detailFields = useMemo(
    () =>
      rows
        .filter((row): row is CodeRow => row.kind === 'code' && row.itemId === selectedRow?.itemId && row.entry.summary.type !== 'hotp')
        .map((row) => ({ itemId: row.itemId, fieldId: row.fieldId })),
    [rows, selectedRow?.itemId],
  );
  const detailFieldsRef = useRef(detailFields);
  const publishFields = useCallback(() => setFieldsFromList([...listFields.current, ...detailFieldsRef.current]), [setFieldsFromList]);
  useEffect(() => {
    detailFieldsRef.current = detailFields;
    publishFields();
  }, [detailFields, publishFields]);
  const onVisibleFieldsChange = useCallback(
    (fields: readonly FieldKey[]) => {
      listFields.current = fields;
      publishFields();
    },
    [publishFields],
  );

  const copyCode = useCallback(
    async (fieldKey: FieldKey, title: string) => {
      const key = fieldKeyString(fieldKey.itemId, fieldKey.fieldId);
      let live = store.get(key)?.current;
      if (live === undefined) {
        const result = await bridge.api.codes({ fields: [fieldKey], at: Date.now() });
        if (!result.ok) return reportError(result.error);
        live = result.value[0]?.current;
        if (live === undefined) return;
      }
      await copy({ text: live.code, message: t('clipboard.copied', { title }), fieldKey: key, secondsValid: live.remaining });
    },
    [bridge, store, copy, reportError, t],
  );

  const showHotpCode = useCallback(
    async (fieldKey: FieldKey, title: string) => {
      const result = await bridge.api.nextHotpCode(fieldKey);
      if (!result.ok) return reportError(result.error);
      const key = fieldKeyString(fieldKey.itemId, fieldKey.fieldId);
      setHotpCodes((current) => new Map(current).set(key, result.value));
      await copy({ text: result.value.code, message: t('clipboard.copied', { title }) });
    },
    [bridge, copy, reportError, t],
  );

  const activate = useCallback(
    (index: number) => {
      const row = shownRows[index];
      if (row === undefined || row.kind === 'item') return;
      const fieldKey = { itemId: row.itemId, fieldId: row.fieldId };
      if (row.entry.summary.type !== 'hotp') return void copyCode(fieldKey, row.title);
      // Each HOTP code can be used once and showing one advances the counter: a code already shown
      // is copied again rather than burning the next one. "Show code" in the details asks for a new one.
      const shown = hotpCodes.get(row.key);
      if (shown === undefined) void showHotpCode(fieldKey, row.title);
      else void copy({ text: shown.code, message: t('clipboard.copied', { title: row.title }) });
    },
    [shownRows, copyCode, showHotpCode, hotpCodes, copy, t],
  );
  const select = useCallback(
    (index: number) => {
      choseSinceSearch.current = true;
      setSelectedKey(shownRows[index]?.key ?? null);
    },
    [shownRows],
  );

  const lock = useCallback(async () => {
    const result = await bridge.api.lock({});
    if (result.ok) onLocked();
    else reportError(result.error);
  }, [bridge, onLocked, reportError]);

  const openEditor = useCallback((itemId: string | null, template: ItemTemplate | null = null) => setDialog({ kind: 'editor', itemId, template }), []);
  const openScan = useCallback((input: ScanInput | null = null) => setDialog({ kind: 'scan', input }), []);
  const openImport = useCallback((file: File | null = null) => setDialog({ kind: 'import', file }), []);

  // A file dropped on the window opens the dialog for it: an image is scanned for QR codes, anything else
  // is taken for another app's export. An open dialog takes its own drops.
  useWindowFileDrop((files) => {
    const [file] = files;
    if (file === undefined) return;
    if (file.type.startsWith('image/')) openScan({ kind: 'image', image: file, source: file.name });
    else openImport(file);
  }, dialog === null);

  // Window-wide shortcuts. Ctrl+L works even over a dialog: locking must never wait.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && !event.altKey && key === 'l') {
        event.preventDefault();
        void lock();
        return;
      }
      if (dialog !== null) return;
      if (command && !event.altKey && key === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (command && !event.altKey && key === 'n') {
        event.preventDefault();
        openEditor(null);
      } else if (command && event.shiftKey && !event.altKey && key === 's') {
        event.preventDefault();
        openScan();
      } else if (event.key === 'Escape' && (query !== '' || tag !== null) && !event.defaultPrevented) {
        event.preventDefault();
        setQuery('');
        setTag(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, lock, openEditor, openScan, query, tag]);

  // An image or a setup link pasted on the list (not into the search box) is scanned in the scan dialog.
  const pasteNames = useRef({ image: '', text: '' });
  pasteNames.current = { image: t('scan.clipboardImage'), text: t('scan.pastedText') };
  useEffect(() => {
    if (dialog !== null) return undefined;
    const onPaste = (event: ClipboardEvent): void => {
      if (event.clipboardData === null || isEditableTarget(event.target)) return;
      const input = scanInputFromPaste(event.clipboardData, pasteNames.current);
      if (input === null || !isScanPaste(input)) return;
      event.preventDefault();
      openScan(input);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [dialog, openScan]);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Home' || event.key === 'End') return;
    listRef.current?.handleKey(event);
  };

  const onSaved = useCallback(
    (view: ItemView) => {
      lists.reload();
      const firstField = view.otp[0];
      setQuery('');
      setTag(null);
      const key = firstField === undefined ? view.id : fieldKeyString(view.id, firstField.id);
      selectWhenListed.current = { key, rows };
      setSelectedKey(key);
    },
    [lists, rows],
  );

  const isEmpty = lists.loaded && rows.length === 0;
  const countText =
    shownRows.length === rows.length
      ? translator.plural('main.count', rows.length)
      : translator.t('main.countFiltered', { shown: shownRows.length, total: translator.plural('main.count', rows.length) });

  return (
    <div className="vault-screen">
      <Toolbar
        query={query}
        onQueryChange={setQuery}
        tags={tags}
        tag={activeTag}
        onTagChange={setTag}
        onAdd={() => openEditor(null)}
        onScan={() => openScan()}
        onImport={() => openImport()}
        onTrash={() => setDialog({ kind: 'trash' })}
        onSettings={() => setDialog({ kind: 'settings' })}
        onLock={() => void lock()}
        searchRef={searchRef}
        onSearchKey={onSearchKey}
        listId={isEmpty || shownRows.length === 0 ? null : listId}
        activeOptionId={selectedIndex >= 0 ? optionId(listId, selectedIndex) : undefined}
      />
      <main className="vault-main" aria-busy={!lists.loaded}>
        {isEmpty ? (
          <EmptyVault onAdd={(template) => openEditor(null, template)} onImport={() => openImport()} />
        ) : (
          <>
            <section className="list-pane" aria-label={t('main.listLabel')}>
              <p className="list-count" aria-live="polite">
                {lists.loaded ? countText : t('common.loading')}
              </p>
              {lists.loaded && shownRows.length === 0 ? (
                <div className="no-matches">
                  <p className="no-matches-title">
                    {deferredQuery.trim() !== '' ? t('main.noMatches', { query: deferredQuery.trim() }) : t('main.noTagMatches', { tag: activeTag ?? '' })}
                  </p>
                  <p className="hint">{t('main.noMatchesHint')}</p>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setQuery('');
                      setTag(null);
                      searchRef.current?.focus();
                    }}
                  >
                    {t('main.clearSearch')}
                  </button>
                </div>
              ) : (
                <CodeList
                  handle={listRef}
                  rows={shownRows}
                  selectedIndex={selectedIndex}
                  onSelect={select}
                  onActivate={activate}
                  store={store}
                  hotpCodes={hotpCodes}
                  onVisibleFieldsChange={onVisibleFieldsChange}
                  listId={listId}
                  label={t('main.listLabel')}
                />
              )}
            </section>
            <section className="detail-pane" aria-label={selectedRow === undefined ? t('main.selectHint') : t('details.region', { title: selectedRow.title })}>
              {selectedRow === undefined ? (
                <p className="detail-hint">{t('main.selectHint')}</p>
              ) : (
                <ItemDetails
                  key={selectedRow.itemId}
                  itemId={selectedRow.itemId}
                  store={store}
                  hotpCodes={hotpCodes}
                  onCopy={clipboard.copy}
                  onCopyCode={copyCode}
                  onShowHotpCode={showHotpCode}
                  onEdit={() => openEditor(selectedRow.itemId)}
                />
              )}
            </section>
          </>
        )}
      </main>
      <footer className="status-bar">
        <ClipboardBanner
          copied={clipboard.copied}
          onCopyNew={(key) => {
            const row = rows.find((candidate): candidate is CodeRow => candidate.kind === 'code' && candidate.key === key);
            if (row !== undefined) void copyCode({ itemId: row.itemId, fieldId: row.fieldId }, row.title);
          }}
          onDismiss={clipboard.dismiss}
        />
        {clipboard.copied === null && !isEmpty && <p className="keyboard-hint">{t('main.keyboardHint')}</p>}
      </footer>
      {dialog?.kind === 'editor' && (
        <ItemEditor
          itemId={dialog.itemId}
          initialTemplate={dialog.template}
          onClose={() => setDialog(null)}
          onSaved={onSaved}
          onScanInstead={() => openScan()}
        />
      )}
      {dialog?.kind === 'scan' && (
        <ScanDialog
          items={lists.summaries}
          initialInput={dialog.input}
          onClose={() => setDialog(null)}
          onSaved={(views) => {
            const first = views[0];
            if (first !== undefined) onSaved(first);
          }}
        />
      )}
      {dialog?.kind === 'import' && <ImportDialog initialFile={dialog.file} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'trash' && <TrashDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'settings' && <SettingsDialog path={status.path} onClose={() => setDialog(null)} />}
    </div>
  );
}
