import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesTerms, queryTerms } from '../../../src/renderer/codes/foldForSearch.js';

describe('foldForSearch', () => {
  it('ignores case and accents', () => {
    expect(foldForSearch('Ærø Bø Åsane Zürich CAFÉ')).toBe('aero bo asane zurich cafe');
  });

  it('unifies compatibility forms and whitespace', () => {
    expect(foldForSearch('  ＡＢＣ\t\n  Straße ')).toBe('abc strasse');
  });

  it('folds plain ASCII (its fast path) exactly as the full Unicode path would', () => {
    const full = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
    for (const text of ['Service 42\nuser42@Example.COM\r\n\tWork\v\f https://a.example/?q=1&x=[~]', '', '  ', 'ABC~`!@#$%^&*()_+-={}|:"<>?']) {
      expect(foldForSearch(text)).toBe(full(text));
    }
  });
});

describe('queryTerms and matchesTerms', () => {
  it('needs every word somewhere, in any order', () => {
    const haystack = foldForSearch('Topdesk\nMicrosoft\nalice@contoso.com\nWork');
    expect(matchesTerms(haystack, queryTerms('work TOPD'))).toBe(true);
    expect(matchesTerms(haystack, queryTerms('work github'))).toBe(false);
  });

  it('has no terms for a blank query', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(matchesTerms('anything', [])).toBe(true);
  });
});
