/**
 * A small, honest strength estimate for the master password meter: how many guesses the password would
 * take if attackers try common passwords, keyboard runs and repeats first. It is a hint for people
 * choosing a password, not a policy: main enforces only the minimum length.
 */
import { foldForSearch } from '../codes/foldForSearch.js';

export const STRENGTH_PROBLEMS = ['tooShort', 'common', 'sequence', 'repeated', 'fewClasses'] as const;
export type StrengthProblem = (typeof STRENGTH_PROBLEMS)[number];

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  readonly score: StrengthScore;
  /** Most important first. */
  readonly problems: readonly StrengthProblem[];
  /** The estimated entropy after penalties. */
  readonly bits: number;
}

/** The most common passwords and the words they are built from, in English and Norwegian (folded, no digits). */
const COMMON_WORDS = new Set([
  'password', 'passord', 'passwort', 'qwerty', 'qwertz', 'azerty', 'letmein', 'welcome', 'velkommen', 'admin',
  'administrator', 'login', 'logon', 'master', 'secret', 'hemmelig', 'dragon', 'monkey', 'football', 'fotball',
  'baseball', 'iloveyou', 'sunshine', 'princess', 'shadow', 'superman', 'batman', 'trustno', 'starwars', 'hello',
  'hallo', 'freedom', 'whatever', 'summer', 'sommer', 'winter', 'vinter', 'spring', 'autumn', 'hosten', 'var',
  'norge', 'norway', 'oslo', 'bergen', 'microsoft', 'office', 'windows', 'google', 'apple', 'company', 'firma',
  'changeme', 'default', 'test', 'testing', 'guest', 'user', 'abc', 'asdf', 'zxcv', 'computer', 'internet',
  'jobb', 'work', 'topdesk', 'totp', 'vault', 'hvelv', 'mypassword', 'mittpassord', 'access', 'tilgang',
]);

const KEYBOARD_RUNS = ['qwertyuiopå', 'asdfghjkløæ', 'zxcvbnm', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function characterClasses(characters: readonly string[]): number {
  let pool = 0;
  if (characters.some((character) => /[a-z]/.test(character))) pool += 26;
  if (characters.some((character) => /[A-Z]/.test(character))) pool += 26;
  if (characters.some((character) => /[0-9]/.test(character))) pool += 10;
  if (characters.some((character) => /[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(character))) pool += 33;
  if (characters.some((character) => /[^\x20-\x7e]/.test(character))) pool += 100;
  return pool;
}

function classCount(characters: readonly string[]): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => characters.some((character) => pattern.test(character))).length;
}

/** The word under decorations: "P@ssw0rd2024!" → "password", "Høsten" → "hosten". */
function coreWord(password: string): string {
  const trimmed = foldForSearch(password).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...trimmed].map((character) => LEET[character] ?? character).join('');
}

/** A common word, maybe with a few characters glued on ("passwordx", "mysummer"). */
function isCommonPassword(password: string): boolean {
  const core = coreWord(password);
  if (COMMON_WORDS.has(core)) return true;
  for (const word of COMMON_WORDS) {
    if (word.length >= 5 && core.length - word.length <= 3 && (core.startsWith(word) || core.endsWith(word))) return true;
  }
  return false;
}

/**
 * Marks each character that an attacker's rules would guess for free: a repeat of the one before, the
 * next or previous one in a keyboard or alphabet run, or a repeat of an earlier chunk ("abcabc").
 */
function predictableMarks(characters: readonly string[]): { repeated: number; sequence: number } {
  const lowered = characters.map((character) => character.toLowerCase());
  const marked = new Array<'repeated' | 'sequence' | null>(lowered.length).fill(null);
  for (let index = 1; index < lowered.length; index += 1) {
    if (lowered[index] === lowered[index - 1]) marked[index] = 'repeated';
  }
  for (let chunk = 2; chunk <= 4; chunk += 1) {
    for (let index = chunk; index < lowered.length; index += 1) {
      if (marked[index] === null && lowered[index] === lowered[index - chunk]) {
        let run = 0;
        while (index - run - chunk >= 0 && lowered[index - run] === lowered[index - run - chunk]) run += 1;
        if (run >= chunk) marked[index] = 'repeated';
      }
    }
  }
  for (const run of KEYBOARD_RUNS) {
    for (const sequence of [run, [...run].reverse().join('')]) {
      for (let index = 2; index < lowered.length; index += 1) {
        const triple = `${lowered[index - 2]}${lowered[index - 1]}${lowered[index]}`;
        if (sequence.includes(triple)) {
          marked[index - 1] ??= 'sequence';
          marked[index] ??= 'sequence';
        }
      }
    }
  }
  return {
    repeated: marked.filter((mark) => mark === 'repeated').length,
    sequence: marked.filter((mark) => mark === 'sequence').length,
  };
}

function scoreForBits(bits: number): StrengthScore {
  if (bits < 28) return 0;
  if (bits < 40) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}

export function estimatePasswordStrength(password: string, minimumLength: number): PasswordStrength {
  const characters = [...password];
  if (characters.length === 0) return { score: 0, problems: ['tooShort'], bits: 0 };
  const pool = Math.max(characterClasses(characters), 10);
  const { repeated, sequence } = predictableMarks(characters);
  // A predictable character still costs the attacker a little: which rule, where it starts.
  const effectiveLength = characters.length - 0.8 * (repeated + sequence);
  let bits = Math.max(0, effectiveLength) * Math.log2(pool);

  const problems: StrengthProblem[] = [];
  if (characters.length < minimumLength) problems.push('tooShort');
  if (isCommonPassword(password)) {
    problems.push('common');
    // A common word plus a year and a symbol is among the first million guesses.
    bits = Math.min(bits, 20);
  }
  if (sequence * 3 >= characters.length) problems.push('sequence');
  if (repeated * 3 >= characters.length) problems.push('repeated');
  if (classCount(characters) <= 1 && characters.length < 16) problems.push('fewClasses');

  let score = scoreForBits(bits);
  if (problems.includes('tooShort') || problems.includes('common')) score = Math.min(score, 1) as StrengthScore;
  return { score, problems, bits: Math.round(bits) };
}
