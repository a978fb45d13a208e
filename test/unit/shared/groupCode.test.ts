import { describe, expect, it } from 'vitest';
import { groupCode, splitEvery } from '../../../src/shared/groupCode.js';

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['123456789', '123 456 789'],
    ['1234567890', '12345 67890'],
    ['4DNTY', '4DNTY'],
    ['JJN4C', 'JJN4C'],
    ['1234', '1234'],
    ['', ''],
  ])('groups %s as %s', (code, grouped) => {
    expect(groupCode(code)).toBe(grouped);
  });

  it('never changes the characters, only adds spaces', () => {
    for (let length = 1; length <= 10; length += 1) {
      const code = '0123456789'.slice(0, length);
      expect(groupCode(code).replaceAll(' ', '')).toBe(code);
    }
  });
});

describe('splitEvery', () => {
  it('groups a secret in fours, the last group shorter', () => {
    expect(splitEvery('ABCDEFGHIJKLMNOPQ', 4)).toBe('ABCD EFGH IJKL MNOP Q');
  });
});
