import { describe, expect, it } from 'vitest';
import { millisecondsToNextSecond } from '../../../src/renderer/app/millisecondsToNextSecond.js';
import { avatarColour, avatarInitial, AVATAR_COLOURS } from '../../../src/renderer/codes/avatarColour.js';
import { secretFromUri } from '../../../src/renderer/items/secretFromUri.js';
import { addTags } from '../../../src/renderer/items/tagList.js';
import { parseWholeNumber } from '../../../src/renderer/settings/parseWholeNumber.js';
import { createTranslator } from '../../../src/renderer/i18n/translate.js';
import { lockNoteText } from '../../../src/renderer/unlock/lockNote.js';

describe('addTags', () => {
  it('adds comma-separated tags, skipping blanks and case duplicates', () => {
    expect(addTags(['Work'], ' work, Dev ,,  Ærend  ')).toEqual(['Work', 'Dev', 'Ærend']);
  });
});

describe('parseWholeNumber', () => {
  it('accepts whole numbers in range only', () => {
    expect(parseWholeNumber(' 30 ', 0, 600)).toBe(30);
    expect(parseWholeNumber('−90', -100, 100)).toBe(-90);
    expect(parseWholeNumber('601', 0, 600)).toBeNull();
    expect(parseWholeNumber('1.5', 0, 600)).toBeNull();
    expect(parseWholeNumber('', 0, 600)).toBeNull();
    expect(parseWholeNumber('1e3', 0, 6000)).toBeNull();
  });
});

describe('secretFromUri', () => {
  it('reads the secret parameter in any case and position', () => {
    expect(secretFromUri('otpauth://totp/A:b?issuer=A&SECRET=JBSWY3DPEHPK3PXP&digits=6')).toBe('JBSWY3DPEHPK3PXP');
    expect(secretFromUri('otpauth://totp/A:b')).toBe('');
  });
});

describe('millisecondsToNextSecond', () => {
  it('waits until just past the next whole second', () => {
    expect(millisecondsToNextSecond(1_000_250)).toBe(770);
    expect(millisecondsToNextSecond(1_000_000)).toBe(1020);
  });
});

describe('avatars', () => {
  it('give a name the same colour every time, within the palette', () => {
    expect(avatarColour('Topdesk')).toBe(avatarColour('topdesk'));
    expect(avatarColour('Topdesk')).toBeLessThan(AVATAR_COLOURS);
    expect(avatarInitial('  øya')).toBe('Ø');
    expect(avatarInitial('---')).toBe('#');
  });
});

describe('lockNoteText', () => {
  it('says how long an idle lock waited, with the right plural', () => {
    expect(lockNoteText({ reason: 'idle', autoLockMinutes: 1 }, createTranslator('en'))).toBe('Locked after 1 minute without use.');
    expect(lockNoteText({ reason: 'idle', autoLockMinutes: 5 }, createTranslator('nb'))).toBe('Låst etter 5 minutter uten bruk.');
    expect(lockNoteText({ reason: 'system' }, createTranslator('en'))).toBe('Locked because the computer was locked or went to sleep.');
  });
});
