import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength } from '../../../src/renderer/unlock/passwordStrength.js';

const MINIMUM = 8;

describe('estimatePasswordStrength', () => {
  it.each(['password', 'Password1!', 'P@ssw0rd2024', 'passord123', 'Sommer2024!', 'Høsten2023', 'qwerty123', 'letmein!'])(
    'calls %s common and weak',
    (password) => {
      const strength = estimatePasswordStrength(password, MINIMUM);
      expect(strength.problems).toContain('common');
      expect(strength.score).toBeLessThanOrEqual(1);
    },
  );

  it.each(['12345678', 'abcdefgh', 'qwertyui', '98765432'])('calls the sequence %s weak', (password) => {
    const strength = estimatePasswordStrength(password, MINIMUM);
    expect(strength.problems).toContain('sequence');
    expect(strength.score).toBeLessThanOrEqual(1);
  });

  it.each(['aaaaaaaaaa', 'abcabcabcabc', 'xyxyxyxyxy'])('calls the repetition %s weak', (password) => {
    const strength = estimatePasswordStrength(password, MINIMUM);
    expect(strength.problems.some((problem) => problem === 'repeated' || problem === 'sequence')).toBe(true);
    expect(strength.score).toBeLessThanOrEqual(1);
  });

  it('says when the password is shorter than the minimum, whatever else it is', () => {
    const strength = estimatePasswordStrength('Xq7#', MINIMUM);
    expect(strength.problems[0]).toBe('tooShort');
    expect(strength.score).toBeLessThanOrEqual(1);
    expect(estimatePasswordStrength('', MINIMUM)).toEqual({ score: 0, problems: ['tooShort'], bits: 0 });
  });

  it('rates a passphrase of unrelated words very strong', () => {
    expect(estimatePasswordStrength('correct horse battery staple', MINIMUM).score).toBe(4);
    expect(estimatePasswordStrength('korrekt hest batteri stift', MINIMUM).score).toBe(4);
  });

  it('rates a random mixed password at least strong', () => {
    const strength = estimatePasswordStrength('vT9#qL2m!Rw4', MINIMUM);
    expect(strength.score).toBeGreaterThanOrEqual(3);
    expect(strength.problems).toEqual([]);
  });

  it('scores longer random text higher than shorter', () => {
    expect(estimatePasswordStrength('mfkqzpwt', MINIMUM).bits).toBeLessThan(estimatePasswordStrength('mfkqzpwtjvhd', MINIMUM).bits);
  });

  it('counts characters as people see them, not UTF-16 units', () => {
    expect(estimatePasswordStrength('🔒🔒🔒🔒', MINIMUM).problems).toContain('tooShort');
  });
});
