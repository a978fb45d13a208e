import { describe, expect, it } from 'vitest';
import { navigationTarget } from '../../../src/renderer/codes/listNavigation.js';

describe('navigationTarget', () => {
  it('moves one row and stops at the ends', () => {
    expect(navigationTarget('ArrowDown', 3, 10, 5)).toBe(4);
    expect(navigationTarget('ArrowDown', 9, 10, 5)).toBe(9);
    expect(navigationTarget('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('starts at the first row, or the last going up, when nothing is selected', () => {
    expect(navigationTarget('ArrowDown', -1, 10, 5)).toBe(0);
    expect(navigationTarget('ArrowUp', -1, 10, 5)).toBe(9);
  });

  it('pages by a screenful less one, and jumps with Home and End', () => {
    expect(navigationTarget('PageDown', 0, 100, 8)).toBe(7);
    expect(navigationTarget('PageUp', 50, 100, 8)).toBe(43);
    expect(navigationTarget('Home', 50, 100, 8)).toBe(0);
    expect(navigationTarget('End', 50, 100, 8)).toBe(99);
  });

  it('ignores other keys and empty lists', () => {
    expect(navigationTarget('a', 0, 10, 5)).toBeNull();
    expect(navigationTarget('ArrowDown', -1, 0, 5)).toBeNull();
  });
});
