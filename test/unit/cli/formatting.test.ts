import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/main/cli/formatTable.js';

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
