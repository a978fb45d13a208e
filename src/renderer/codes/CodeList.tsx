import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type Ref, useCallback, useEffect, useImperativeHandle, useRef } from 'react';
import type { FieldKey } from '../../shared/api.js';
import type { OtpCode } from '../../shared/otp.js';
import { CodeListRow } from './CodeListRow.js';
import { navigationTarget } from './listNavigation.js';
import type { ListRow } from './listRows.js';
import type { LiveCodeStore } from './liveCodeStore.js';

export const ROW_HEIGHT = 64;

/** What the search box needs to drive the list from the keyboard. */
export interface CodeListHandle {
  focus(): void;
  /** Handles a navigation or Enter key as the list itself would; true when it did. */
  handleKey(event: KeyboardEvent): boolean;
}

interface CodeListProps {
  readonly rows: readonly ListRow[];
  readonly selectedIndex: number;
  readonly onSelect: (index: number) => void;
  readonly onActivate: (index: number) => void;
  readonly store: LiveCodeStore;
  readonly hotpCodes: ReadonlyMap<string, OtpCode>;
  readonly onVisibleFieldsChange: (fields: readonly FieldKey[]) => void;
  readonly listId: string;
  readonly label: string;
  readonly handle: Ref<CodeListHandle>;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The accounts as a virtualised listbox: only the rows in view (plus a few) exist in the DOM, so 10,000
 * accounts scroll as smoothly as ten. Focus stays on the listbox and aria-activedescendant names the
 * selected option; the selected row is always rendered (even when scrolled away) so that reference holds.
 */
export function CodeList({ rows, selectedIndex, onSelect, onActivate, store, hotpCodes, onVisibleFieldsChange, listId, label, handle }: CodeListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedRef = useRef(selectedIndex);
  selectedRef.current = selectedIndex;

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const selected = selectedRef.current;
    if (selected >= 0 && selected < range.count && !indexes.includes(selected)) {
      indexes.push(selected);
      indexes.sort((left, right) => left - right);
    }
    return indexes;
  }, []);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
    rangeExtractor,
  });
  const virtualItems = virtualizer.getVirtualItems();

  // Tell the live-code fetcher which fields are on screen, only when that set changes.
  const shownSignature = useRef('');
  useEffect(() => {
    const fields: FieldKey[] = [];
    for (const item of virtualItems) {
      const row = rows[item.index];
      if (row?.kind === 'code' && row.entry.summary.type !== 'hotp') fields.push({ itemId: row.itemId, fieldId: row.fieldId });
    }
    const signature = fields.map((field) => `${field.itemId}/${field.fieldId}`).join('|');
    if (signature === shownSignature.current) return;
    shownSignature.current = signature;
    onVisibleFieldsChange(fields);
  });

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < rows.length) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, rows.length, virtualizer]);

  const handleKey = (event: KeyboardEvent): boolean => {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key === 'Enter') {
      if (selectedIndex < 0) return false;
      event.preventDefault();
      onActivate(selectedIndex);
      return true;
    }
    const pageSize = Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT);
    const target = navigationTarget(event.key, selectedIndex, rows.length, pageSize);
    if (target === null) return false;
    event.preventDefault();
    onSelect(target);
    return true;
  };

  useImperativeHandle(handle, () => ({ focus: () => scrollRef.current?.focus(), handleKey }));

  const onPick = useCallback(
    (index: number) => {
      scrollRef.current?.focus({ preventScroll: true });
      onSelect(index);
      onActivate(index);
    },
    [onSelect, onActivate],
  );

  const activeDescendant = selectedIndex >= 0 && selectedIndex < rows.length ? optionId(listId, selectedIndex) : undefined;
  return (
    <div
      ref={scrollRef}
      id={listId}
      className="code-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeDescendant}
      onKeyDown={(event) => void handleKey(event)}
      data-testid="code-list"
    >
      <div className="code-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <CodeListRow
              key={row.key}
              row={row}
              optionId={optionId(listId, item.index)}
              index={item.index}
              total={rows.length}
              start={item.start}
              height={item.size}
              selected={item.index === selectedIndex}
              store={store}
              hotpCode={hotpCodes.get(row.key)}
              onPick={onPick}
            />
          );
        })}
      </div>
    </div>
  );
}
