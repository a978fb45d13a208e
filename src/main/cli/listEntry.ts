import type { CodeEntry } from '../../shared/item.js';

/** One OTP field as `list --json` (and `add --json`) show it: everything but the secret. */
export interface ListEntry {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly account: string;
  readonly type: string;
  readonly algorithm: string;
  readonly digits: number;
  readonly period: number;
  readonly tags: readonly string[];
  readonly favorite: boolean;
}

export function toListEntry(entry: CodeEntry): ListEntry {
  const { summary } = entry;
  return {
    id: entry.itemId,
    title: entry.title,
    issuer: entry.issuer,
    account: entry.account,
    type: summary.type,
    algorithm: summary.algorithm,
    digits: summary.digits,
    period: summary.period,
    tags: entry.tags,
    favorite: entry.favorite,
  };
}
