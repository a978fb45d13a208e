import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../../src/shared/item.js';
import type { OtpSummary } from '../../../src/shared/otp.js';
import { buildRows, collectTags, filterRows } from '../../../src/renderer/codes/listRows.js';

const SUMMARY: OtpSummary = { type: 'totp', issuer: '', account: '', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };

/** An item with one TOTP field whose URI names `issuer` and `account`. */
function coded(id: string, title: string, extra: Partial<ItemSummary> & { issuer?: string; account?: string; label?: string } = {}): ItemSummary {
  const { issuer = '', account = '', label = '', ...rest } = extra;
  return summary(id, title, { otp: [{ id: 'f1', label, summary: { ...SUMMARY, issuer, account } }], ...rest });
}

function summary(id: string, title: string, extra: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id,
    template: 'login',
    title,
    username: '',
    email: '',
    websites: [],
    tags: [],
    favorite: false,
    trashedAt: null,
    updatedAt: 0,
    otp: [{ id: 'f1', label: '', summary: SUMMARY }],
    ...extra,
  };
}

describe('buildRows', () => {
  it('puts favourites first, then sorts by title in the given language', () => {
    const rows = buildRows([coded('a', 'Zeta'), coded('b', 'Ærø'), coded('c', 'alpha'), coded('d', 'Mid', { favorite: true })], 'nb');
    expect(rows.map((row) => row.title)).toEqual(['Mid', 'alpha', 'Zeta', 'Ærø']);
  });

  it('lists items without an OTP field once, and skips trashed ones', () => {
    const rows = buildRows(
      [coded('a', 'With code'), summary('b', 'Printer', { otp: [], username: 'root' }), summary('c', 'Gone', { otp: [], trashedAt: 1 }), coded('d', 'Gone too', { trashedAt: 1 })],
      'en',
    );
    expect(rows.map((row) => [row.kind, row.title, row.subtitle])).toEqual([
      ['item', 'Printer', 'root'],
      ['code', 'With code', ''],
    ]);
  });

  it('gives every OTP field of an item its own row, keyed by item and field', () => {
    const item = summary('a', 'Work account', {
      otp: [
        { id: 'f1', label: 'Phone', summary: { ...SUMMARY, issuer: 'Contoso' } },
        { id: 'f2', label: 'Backup', summary: { ...SUMMARY, type: 'hotp', digits: 8 } },
      ],
    });
    const rows = buildRows([item], 'en');
    expect(rows.map((row) => [row.key, row.subtitle])).toEqual([
      ['a/f2', 'Backup'],
      ['a/f1', 'Phone · Contoso'],
    ]);
    expect(rows.map((row) => (row.kind === 'code' ? [row.entry.summary.type, row.entry.summary.digits] : null))).toEqual([
      ['hotp', 8],
      ['totp', 6],
    ]);
  });

  it('falls back to issuer and account for an untitled entry, without repeating it in the subtitle', () => {
    const [row] = buildRows([coded('a', '', { issuer: 'GitHub', account: 'octocat' })], 'en');
    expect(row?.title).toBe('GitHub');
    expect(row?.subtitle).toBe('octocat');
  });

  it('makes websites, usernames and field labels searchable', () => {
    const rows = buildRows(
      [coded('a', 'Topdesk', { issuer: 'Microsoft', account: 'alice@contoso.com', tags: ['Work'], websites: ['https://mysignins.microsoft.com'], label: 'Backup phone' })],
      'en',
    );
    for (const query of ['mysignins', 'ALICE', 'work', 'backup', 'topdesk microsoft']) {
      expect(filterRows(rows, query, null)).toHaveLength(1);
    }
    expect(rows[0]?.subtitle).toBe('Backup phone · Microsoft · alice@contoso.com');
  });
});

describe('filterRows', () => {
  const rows = buildRows([coded('a', 'Bø kommune', { tags: ['Work'] }), coded('b', 'GitHub', { tags: ['dev'] }), coded('c', 'Bank')], 'nb');

  it('matches without accents or case', () => {
    expect(filterRows(rows, 'BO KOM', null).map((row) => row.title)).toEqual(['Bø kommune']);
  });

  it('filters by tag in any case, together with the query', () => {
    expect(filterRows(rows, '', 'work').map((row) => row.title)).toEqual(['Bø kommune']);
    expect(filterRows(rows, 'git', 'work')).toEqual([]);
  });

  it('returns the same array when there is nothing to filter', () => {
    expect(filterRows(rows, '  ', null)).toBe(rows);
  });

  it('stays fast at 10,000 rows', () => {
    const many = buildRows(
      Array.from({ length: 10_000 }, (_, index) => coded(`i${index}`, `Account ${index}`, { issuer: 'Issuer', account: `user${index}@example.com` })),
      'en',
    );
    const started = performance.now();
    for (const query of ['a', 'ac', 'acc', 'acco', 'user99']) filterRows(many, query, null);
    expect(performance.now() - started).toBeLessThan(250);
    expect(filterRows(many, 'user9999', null)).toHaveLength(1);
  });
});

describe('collectTags', () => {
  it('lists each tag once, first spelling kept, alphabetically', () => {
    const rows = buildRows([coded('a', 'A', { tags: ['Work', 'dev'] }), coded('b', 'B', { tags: ['work', 'Ærend'] })], 'nb');
    expect(collectTags(rows, 'nb')).toEqual(['dev', 'Work', 'Ærend']);
  });
});
