import type { ScanCandidate, ScanChoice } from '../../shared/api.js';

/** What the user chose for one scanned account in the review list. */
export interface CandidateChoice {
  readonly picked: boolean;
  /** Null: a new item; otherwise the item to add it to as another one-time code. */
  readonly itemId: string | null;
}

/** Every account is picked as a new item, except one already in the vault: saving it again would repeat it. */
export function defaultChoice(candidate: ScanCandidate): CandidateChoice {
  return { picked: candidate.duplicateOf === null, itemId: null };
}

/**
 * The choices for a new report: an account listed before keeps what the user chose for it (main keeps its
 * id from scan to scan), a new one gets the default, and one no longer listed is forgotten.
 */
export function nextChoices(previous: ReadonlyMap<string, CandidateChoice>, candidates: readonly ScanCandidate[]): Map<string, CandidateChoice> {
  return new Map(candidates.map((candidate) => [candidate.id, previous.get(candidate.id) ?? defaultChoice(candidate)]));
}

/**
 * What `saveScanned` gets: the picked accounts, in the order listed. An existing item that is no longer
 * in the vault (deleted since) falls back to a new item rather than failing the whole save.
 */
export function pickedChoices(candidates: readonly ScanCandidate[], choices: ReadonlyMap<string, CandidateChoice>, itemIds: ReadonlySet<string>): ScanChoice[] {
  return candidates.flatMap((candidate) => {
    const choice = choices.get(candidate.id) ?? defaultChoice(candidate);
    if (!choice.picked) return [];
    return [{ candidateId: candidate.id, itemId: choice.itemId !== null && itemIds.has(choice.itemId) ? choice.itemId : null }];
  });
}
