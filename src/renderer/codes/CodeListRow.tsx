import { memo } from 'react';
import type { OtpCode } from '../../shared/otp.js';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import { avatarColour, avatarInitial } from './avatarColour.js';
import { CountdownRing, LAST_SECONDS } from './CountdownRing.js';
import { groupCode } from '../../shared/groupCode.js';
import type { CodeRow, ListRow } from './listRows.js';
import type { LiveCodeStore } from './liveCodeStore.js';
import { useLiveCode } from './useLiveCode.js';

interface CodeListRowProps {
  readonly row: ListRow;
  readonly optionId: string;
  readonly index: number;
  readonly total: number;
  readonly start: number;
  readonly height: number;
  readonly selected: boolean;
  readonly store: LiveCodeStore;
  /** An HOTP code the user asked to see in this session. */
  readonly hotpCode: OtpCode | undefined;
  readonly onPick: (index: number) => void;
}

/**
 * One option of the code list. Memoised on its props, which stay the same from one second to the next;
 * only the live-code part below subscribes to the store, so a tick re-renders that part alone.
 */
export const CodeListRow = memo(function CodeListRow({ row, optionId, index, total, start, height, selected, store, hotpCode, onPick }: CodeListRowProps) {
  const { translator } = useAppServices();
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={selected ? 'row row-selected' : 'row'}
      style={{ transform: `translateY(${start}px)`, height }}
      onClick={() => onPick(index)}
    >
      <span className={`avatar avatar-${avatarColour(row.title)}`} aria-hidden="true">
        {avatarInitial(row.title)}
      </span>
      <span className="row-text">
        <span className="row-title">
          <span className="row-title-text">{row.title || translator.t('common.untitled')}</span>
          {row.favorite && (
            <span className="row-favourite" title={translator.t('row.favourite')}>
              <Icon name="star" />
              <span className="visually-hidden">{translator.t('row.favourite')}</span>
            </span>
          )}
        </span>
        {row.subtitle !== '' && <span className="row-subtitle">{row.subtitle}</span>}
      </span>
      {row.kind === 'item' ? (
        <span className="row-code-area row-no-code">{translator.t('row.noCode')}</span>
      ) : row.entry.summary.type === 'hotp' ? (
        <HotpCode code={hotpCode} />
      ) : (
        <TimedCode row={row} store={store} />
      )}
    </div>
  );
});

function TimedCode({ row, store }: { readonly row: CodeRow; readonly store: LiveCodeStore }) {
  const { translator } = useAppServices();
  const live = useLiveCode(store, row.key);
  if (live === undefined) {
    return (
      <span className="row-code-area">
        <span className="code code-placeholder" aria-hidden="true">
          {'•'.repeat(row.entry.summary.digits)}
        </span>
        <span className="visually-hidden">{translator.t('row.codeLoading')}</span>
        <span className="ring-placeholder" />
      </span>
    );
  }
  const { current, next } = live;
  return (
    <span className="row-code-area">
      <span className="row-codes">
        <span className="code">{groupCode(current.code)}</span>
        {next !== null && current.remaining <= LAST_SECONDS && (
          <span className="code-next">{translator.t('row.nextCode', { code: groupCode(next.code) })}</span>
        )}
      </span>
      <CountdownRing remaining={current.remaining} period={current.period} codeKey={current.code} />
    </span>
  );
}

function HotpCode({ code }: { readonly code: OtpCode | undefined }) {
  const { translator } = useAppServices();
  return (
    <span className="row-code-area">
      {code === undefined ? <span className="pill">{translator.t('row.showCode')}</span> : <span className="code">{groupCode(code.code)}</span>}
      <span className="ring-placeholder" />
    </span>
  );
}
