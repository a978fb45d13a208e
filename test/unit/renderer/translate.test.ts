import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/i18n/en.js';
import { nb } from '../../../src/renderer/i18n/nb.js';
import { createTranslator, formatMessage } from '../../../src/renderer/i18n/translate.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Copied “{title}” in {count} s', { title: 'Topdesk', count: 3 })).toBe('Copied “Topdesk” in 3 s');
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });
});

describe('the dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in every message', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(nb[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  it('have no empty messages', () => {
    for (const messages of [en, nb]) {
      for (const [key, text] of Object.entries(messages)) expect({ key, blank: text.trim() === '' }).toEqual({ key, blank: false });
    }
  });

  it('give every plural message both forms', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('#one')) expect(Object.keys(en)).toContain(key.replace(/#one$/, '#other'));
      if (key.endsWith('#other')) expect(Object.keys(en)).toContain(key.replace(/#other$/, '#one'));
    }
  });
});

describe('createTranslator', () => {
  it('picks plural forms by the language rules', () => {
    const english = createTranslator('en');
    expect(english.plural('ring.secondsLeft', 1)).toBe('1 second left');
    expect(english.plural('ring.secondsLeft', 0)).toBe('0 seconds left');
    expect(english.plural('lockReason.idle', 5)).toBe('Locked after 5 minutes without use.');
    const norwegian = createTranslator('nb');
    expect(norwegian.plural('ring.secondsLeft', 1)).toBe('1 sekund igjen');
    expect(norwegian.plural('ring.secondsLeft', 12)).toBe('12 sekunder igjen');
    expect(norwegian.plural('main.count', 2)).toBe('2 kontoer');
  });

  it('translates in Norwegian', () => {
    const norwegian = createTranslator('nb');
    expect(norwegian.t('unlock.submit')).toBe('Lås opp');
    expect(norwegian.t('trash.restore')).toBe('Gjenopprett');
    expect(norwegian.locale).toBe('nb-NO');
  });
});
