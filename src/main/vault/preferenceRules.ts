import { DEFAULT_PREFERENCES, LANGUAGES, PREFERENCE_LIMITS, THEMES, type Preferences } from '../../shared/preferences.js';

export interface PreferenceRule<T> {
  readonly accepts: (value: unknown) => value is T;
  /** Completes "… must be": the message a refused value gets. */
  readonly expected: string;
}

/**
 * What each preference may hold. One table serves the strict check of a request (a bad value is refused)
 * and the forgiving read of the file (a bad value falls back to its default), so the two cannot drift.
 */
export const PREFERENCE_RULES: { readonly [K in keyof Preferences]: PreferenceRule<Preferences[K]> } = {
  autoLockMinutes: wholeNumberUpTo(PREFERENCE_LIMITS.maxAutoLockMinutes),
  lockOnMinimise: { accepts: (value): value is boolean => typeof value === 'boolean', expected: 'true or false' },
  clipboardClearSeconds: wholeNumberUpTo(PREFERENCE_LIMITS.maxClipboardClearSeconds),
  language: oneOf(LANGUAGES),
  theme: oneOf(THEMES),
};

export const PREFERENCE_NAMES = Object.keys(DEFAULT_PREFERENCES) as readonly (keyof Preferences)[];

/**
 * Preferences out of whatever a file held: each valid field is kept and every other one takes its default,
 * because a hand-edited or half-written file must never stop the app from starting. Unknown names are dropped.
 */
export function readStoredPreferences(value: unknown): Preferences {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const preferences: Record<string, unknown> = {};
  for (const name of PREFERENCE_NAMES) {
    const stored = Object.hasOwn(record, name) ? record[name] : undefined;
    preferences[name] = PREFERENCE_RULES[name].accepts(stored) ? stored : DEFAULT_PREFERENCES[name];
  }
  return preferences as unknown as Preferences;
}

function wholeNumberUpTo(maximum: number): PreferenceRule<number> {
  return {
    accepts: (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maximum,
    expected: `a whole number from 0 to ${maximum}`,
  };
}

function oneOf<T extends string>(choices: readonly T[]): PreferenceRule<T> {
  return {
    accepts: (value): value is T => typeof value === 'string' && (choices as readonly string[]).includes(value),
    expected: `one of ${choices.map((choice) => `"${choice}"`).join(', ')}`,
  };
}
