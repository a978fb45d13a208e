import { describe, expect, it } from 'vitest';
import { copiedText, hasRolledOver, isClearDue, secondsUntilClear } from '../../../src/renderer/codes/copiedText.js';

const NOW = 1_700_000_000_000;

describe('copiedText', () => {
  it('counts down whole seconds to the clearing time', () => {
    const copied = copiedText({ text: '123456', message: 'Copied', fieldKey: 'a/b', secondsValid: 12 }, NOW, 30);
    expect(secondsUntilClear(copied, NOW)).toBe(30);
    expect(secondsUntilClear(copied, NOW + 200)).toBe(30);
    expect(secondsUntilClear(copied, NOW + 1000)).toBe(29);
    expect(secondsUntilClear(copied, NOW + 29_999)).toBe(1);
    expect(isClearDue(copied, NOW + 29_999)).toBe(false);
    expect(isClearDue(copied, NOW + 30_000)).toBe(true);
    expect(secondsUntilClear(copied, NOW + 40_000)).toBe(0);
  });

  it('never clears when the preference is 0', () => {
    const copied = copiedText({ text: 'x', message: 'Copied' }, NOW, 0);
    expect(secondsUntilClear(copied, NOW + 1e9)).toBeNull();
    expect(isClearDue(copied, NOW + 1e9)).toBe(false);
  });

  it('notices a copied code rolling over, so "Copy new code" can be offered', () => {
    const copied = copiedText({ text: '123456', message: 'Copied', fieldKey: 'a/b', secondsValid: 3 }, NOW, 30);
    expect(hasRolledOver(copied, NOW + 2999)).toBe(false);
    expect(hasRolledOver(copied, NOW + 3000)).toBe(true);
  });

  it('does not offer a new code for things that are not TOTP codes', () => {
    const password = copiedText({ text: 'hunter2', message: 'Password copied' }, NOW, 30);
    expect(hasRolledOver(password, NOW + 1e6)).toBe(false);
  });
});
