import { describe, expect, it } from 'vitest';
import { matchEntries } from '../../../src/main/cli/matchEntries.js';

interface Entry {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly string[];
}

const entries: Entry[] = [
  { id: '1a2b3c4d-0000', title: 'GitHub', tags: ['work'] },
  { id: '5e6f7a8b-0000', title: 'GitHub Enterprise', tags: [] },
  { id: '9c0d1e2f-0000', title: 'Topdesk', tags: ['Work', 'helpdesk'] },
];
const match = (query: string | undefined) => matchEntries(entries, query, (entry) => ({ id: entry.id, names: [entry.title, ...entry.tags] })).map((entry) => entry.title);

describe('matchEntries', () => {
  it('picks everything without a query, or with a blank one', () => {
    expect(match(undefined)).toHaveLength(3);
    expect(match('  ')).toHaveLength(3);
  });

  it('matches parts of names in any case', () => {
    expect(match('git')).toEqual(['GitHub', 'GitHub Enterprise']);
    expect(match('DESK')).toEqual(['Topdesk']);
    expect(match('enter')).toEqual(['GitHub Enterprise']);
  });

  it('lets an exact name win over partial matches', () => {
    expect(match('github')).toEqual(['GitHub']);
    expect(match('work')).toEqual(['GitHub', 'Topdesk']);
  });

  it('matches the start of an id, not the middle', () => {
    expect(match('5E6F')).toEqual(['GitHub Enterprise']);
    expect(match('3c4d')).toEqual([]);
  });

  it('matches nothing for an unknown name', () => {
    expect(match('bitbucket')).toEqual([]);
  });
});
