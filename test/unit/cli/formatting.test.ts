import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/main/cli/formatTable.js';
import { groupCode } from '../../../src/shared/groupCode.js';

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['123456789', '123 456 789'],
    ['1234567890', '12345 67890'],
    ['JJN4C', 'JJN4C'],
  ])('%s → %s', (code, grouped) => {
    expect(groupCode(code)).toBe(grouped);
  });
});

describe('formatTable', () => {
  it('pads every column but the last to its widest cell', () => {
    expect(formatTable([['ID', 'TITLE', 'TAGS'], ['1', 'Microsoft', ''], ['22', 'Zoë', 'a, b']])).toBe(
      ['ID  TITLE      TAGS', '1   Microsoft', '22  Zoë        a, b', ''].join('\n'),
    );
  });

  it('keeps control characters from an imported title away from the terminal', () => {
    expect(formatTable([['evil\u001b[2J\ntitle', 'x']])).toBe('evil [2J title  x\n');
  });
});
