import type { KeyboardEvent, Ref } from 'react';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';

interface ToolbarProps {
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
  readonly tags: readonly string[];
  readonly tag: string | null;
  readonly onTagChange: (tag: string | null) => void;
  readonly onAdd: () => void;
  readonly onScan: () => void;
  readonly onImport: () => void;
  readonly onTrash: () => void;
  readonly onSettings: () => void;
  readonly onLock: () => void;
  readonly searchRef: Ref<HTMLInputElement>;
  /** Arrow keys and Enter in the search box drive the list (type, arrow, Enter copies). */
  readonly onSearchKey: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The list the search box controls, and its selected option; absent when there is no list. */
  readonly listId: string | null;
  readonly activeOptionId: string | undefined;
}

export function Toolbar(props: ToolbarProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const iconButton = (label: string, shortcut: string | null, icon: 'import' | 'trash' | 'settings' | 'lock', onClick: () => void) => {
    // aria-keyshortcuts spells the key "Control"; keyboards and people say "Ctrl".
    const tooltip = shortcut === null ? label : `${label} (${shortcut.replace('Control', 'Ctrl')})`;
    return (
      <button type="button" className="icon-button toolbar-button" aria-label={label} title={tooltip} aria-keyshortcuts={shortcut ?? undefined} onClick={onClick}>
        <Icon name={icon} />
      </button>
    );
  };
  return (
    <header className="toolbar">
      <div className="toolbar-brand">
        <img src="./icon.svg" alt="" width={24} height={24} />
        <h1 className="toolbar-name">{t('app.name')}</h1>
      </div>
      <div className="search" role="search">
        <Icon name="search" className="search-icon" />
        <input
          ref={props.searchRef}
          className="input search-input"
          type="search"
          role={props.listId === null ? undefined : 'combobox'}
          aria-label={t('main.search')}
          aria-keyshortcuts="Control+F"
          aria-controls={props.listId ?? undefined}
          aria-expanded={props.listId === null ? undefined : true}
          aria-autocomplete={props.listId === null ? undefined : 'list'}
          aria-activedescendant={props.activeOptionId}
          placeholder={`${t('main.searchPlaceholder')} (Ctrl+F)`}
          value={props.query}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => props.onQueryChange(event.target.value)}
          onKeyDown={props.onSearchKey}
        />
      </div>
      {props.tags.length > 0 && (
        <select
          className="select toolbar-tags"
          aria-label={t('main.tagFilter')}
          value={props.tag ?? ''}
          onChange={(event) => props.onTagChange(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{t('main.allTags')}</option>
          {props.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="button button-primary toolbar-add" onClick={props.onAdd} aria-keyshortcuts="Control+N" title={`${t('main.add')} (Ctrl+N)`}>
        <Icon name="plus" />
        {t('main.add')}
      </button>
      <button type="button" className="button toolbar-scan" onClick={props.onScan} aria-keyshortcuts="Control+Shift+S" title={`${t('main.scan')} (Ctrl+Shift+S)`} data-testid="toolbar-scan">
        <Icon name="qr" />
        <span className="toolbar-scan-label">{t('main.scan')}</span>
      </button>
      <div className="toolbar-actions">
        {iconButton(t('main.import'), null, 'import', props.onImport)}
        {iconButton(t('main.trash'), null, 'trash', props.onTrash)}
        {iconButton(t('main.settings'), null, 'settings', props.onSettings)}
        {iconButton(t('main.lock'), 'Control+L', 'lock', props.onLock)}
      </div>
    </header>
  );
}
