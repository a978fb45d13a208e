import { useId, useMemo } from 'react';
import type { ScanCandidate, ScanReport } from '../../shared/api.js';
import { groupCode } from '../../shared/groupCode.js';
import type { ItemSummary } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import { useSecondTicks } from '../app/useSecondTicks.js';
import { CountdownRing } from '../codes/CountdownRing.js';
import { describeOtpSummary } from '../items/describeOtpSummary.js';
import { describeUnusable } from './describeUnusable.js';
import { type CandidateChoice, defaultChoice } from './scanChoices.js';

interface ScanReviewProps {
  readonly report: ScanReport;
  readonly receivedAt: number;
  readonly choices: ReadonlyMap<string, CandidateChoice>;
  readonly onChoose: (candidateId: string, choice: CandidateChoice) => void;
  /** The vault's items, which a scanned account may join as another one-time code. */
  readonly items: readonly ItemSummary[];
}

/**
 * What a scan found: a Google Authenticator export's missing parts first (the user must scan again), then
 * the accounts to pick from (without their secrets: main keeps those), each with its
 * live code so the user sees it works, and what could not be used, with what to do about it.
 */
export function ScanReview({ report, receivedAt, choices, onChoose, items }: ScanReviewProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const listTitleId = useId();
  const live = report.candidates.some((candidate) => candidate.current !== null);
  const now = useSecondTicks(live);
  const elapsedSeconds = Math.floor(Math.max(0, now - receivedAt) / 1000);
  const targets = useMemo(
    () => [...items].sort((first, second) => first.title.localeCompare(second.title, translator.locale, { sensitivity: 'base' })),
    [items, translator.locale],
  );
  const incomplete = report.migrations.filter((migration) => migration.missing.length > 0);

  return (
    <div className="scan-review">
      {incomplete.map((migration, index) => (
        <div key={index} className="message message-warning" data-testid="scan-migration">
          <Icon name="alert" className="message-icon" />
          <p>{t('scan.migration', { scanned: migration.scanned.length, size: migration.size })}</p>
        </div>
      ))}
      {report.candidates.length > 0 && (
        <section className="scan-found" aria-labelledby={listTitleId}>
          <h3 id={listTitleId} className="form-section-title">
            {t('scan.listTitle')}
          </h3>
          <ul className="scan-candidates">
            {report.candidates.map((candidate) => (
              <CandidateRow
                key={candidate.id}
                candidate={candidate}
                choice={choices.get(candidate.id) ?? defaultChoice(candidate)}
                onChoose={onChoose}
                targets={targets}
                elapsedSeconds={elapsedSeconds}
              />
            ))}
          </ul>
        </section>
      )}
      {report.unusable.map(({ source, error }, index) => (
        <div key={index} className="message message-warning scan-unusable" data-testid="scan-unusable">
          <Icon name="alert" className="message-icon" />
          <div>
            <p className="message-title">{source}</p>
            <p>{describeUnusable(error, translator)}</p>
          </div>
        </div>
      ))}
      {report.skipped.length > 0 && (
        <section className="message message-warning" aria-label={t('scan.skippedTitle')}>
          <Icon name="alert" className="message-icon" />
          <div>
            <p className="message-title">{t('scan.skippedTitle')}</p>
            <ul className="scan-skipped">
              {report.skipped.map(({ source, name, reason }, index) => (
                <li key={index}>
                  {name}: {reason} ({source})
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </div>
  );
}

interface CandidateRowProps {
  readonly candidate: ScanCandidate;
  readonly choice: CandidateChoice;
  readonly onChoose: (candidateId: string, choice: CandidateChoice) => void;
  readonly targets: readonly ItemSummary[];
  readonly elapsedSeconds: number;
}

function CandidateRow({ candidate, choice, onChoose, targets, elapsedSeconds }: CandidateRowProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const ids = { pick: useId(), name: useId(), details: useId(), duplicate: useId(), target: useId() };
  const { summary, current } = candidate;
  const name = summary.issuer || candidate.title || t('common.untitled');
  const duplicate = candidate.duplicateOf !== null;
  const itemId = choice.itemId !== null && targets.some((item) => item.id === choice.itemId) ? choice.itemId : '';
  return (
    <li className={choice.picked ? 'scan-candidate scan-candidate-picked' : 'scan-candidate'} data-testid="scan-candidate">
      <input
        id={ids.pick}
        type="checkbox"
        className="checkbox scan-candidate-pick"
        checked={choice.picked}
        onChange={(event) => onChoose(candidate.id, { ...choice, picked: event.target.checked })}
        aria-describedby={duplicate ? `${ids.duplicate} ${ids.details}` : ids.details}
      />
      <div className="scan-candidate-text">
        <label htmlFor={ids.pick} id={ids.name} className="scan-candidate-name">
          <span className="scan-candidate-title">{name}</span>
          {summary.account !== '' && <span className="scan-candidate-account">{summary.account}</span>}
        </label>
        {duplicate && (
          <span id={ids.duplicate} className="badge" data-testid="scan-duplicate">
            {t('scan.duplicate')}
          </span>
        )}
        <p id={ids.details} className="hint">
          {describeOtpSummary(summary, translator)} · {t('scan.from', { source: candidate.source })}
        </p>
      </div>
      {/* The code changes every period: announcing each one would drown out everything else. */}
      <div className="scan-candidate-code" aria-live="off">
        {current === null ? (
          <p className="hint">{t('scan.hotpNote')}</p>
        ) : (
          <>
            <span className="visually-hidden">{t('scan.codeNow')}</span>
            <span className="code" data-testid="scan-candidate-code">
              {groupCode(current.code)}
            </span>
            <CountdownRing remaining={Math.max(0, current.remaining - elapsedSeconds)} period={current.period} codeKey={current.code} />
          </>
        )}
      </div>
      <div className="scan-candidate-target">
        <label htmlFor={ids.target} className="label">
          {t('scan.saveAs')}
        </label>
        <select
          id={ids.target}
          className="select"
          value={itemId}
          aria-describedby={ids.name}
          onChange={(event) => onChoose(candidate.id, { ...choice, itemId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('scan.newItemNamed', { title: candidate.title || t('common.untitled') })}</option>
          {targets.length > 0 && (
            <optgroup label={t('scan.existingItems')}>
              {targets.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title || t('common.untitled')}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
    </li>
  );
}
