import { useId } from 'react';
import { useAppServices } from '../app/AppServices.js';
import type { PlainMessageKey } from '../i18n/translate.js';
import { estimatePasswordStrength, type StrengthProblem, type StrengthScore } from './passwordStrength.js';

const LEVEL_KEYS: Readonly<Record<StrengthScore, PlainMessageKey>> = {
  0: 'strength.level0',
  1: 'strength.level1',
  2: 'strength.level2',
  3: 'strength.level3',
  4: 'strength.level4',
};

const PROBLEM_KEYS: Readonly<Record<Exclude<StrengthProblem, 'tooShort'>, PlainMessageKey>> = {
  common: 'strength.common',
  sequence: 'strength.sequence',
  repeated: 'strength.repeated',
  fewClasses: 'strength.fewClasses',
};

/**
 * The strength of a new master password in words (announced politely as it changes) and as five
 * segments, coloured and filled so the bar reads without colour too.
 */
export function StrengthMeter({ password, minimumLength, id }: { readonly password: string; readonly minimumLength: number; readonly id: string }) {
  const { translator } = useAppServices();
  const adviceId = useId();
  if (password === '') {
    return (
      <div className="strength" id={id}>
        <p className="hint">{translator.t('strength.advice')}</p>
      </div>
    );
  }
  const strength = estimatePasswordStrength(password, minimumLength);
  const firstProblem = strength.problems[0];
  const advice =
    firstProblem === undefined
      ? translator.t('strength.advice')
      : firstProblem === 'tooShort'
        ? translator.plural('strength.tooShort', minimumLength)
        : translator.t(PROBLEM_KEYS[firstProblem]);
  const tone = strength.score <= 1 ? 'weak' : strength.score === 2 ? 'fair' : 'strong';
  return (
    <div className={`strength strength-${tone}`} id={id}>
      <div className="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((segment) => (
          <span key={segment} className={segment <= strength.score ? 'strength-segment strength-segment-filled' : 'strength-segment'} />
        ))}
      </div>
      <p className="strength-level" aria-live="polite" aria-describedby={adviceId}>
        {translator.t('strength.label', { level: translator.t(LEVEL_KEYS[strength.score]) })}
      </p>
      <p className="hint" id={adviceId}>
        {advice}
      </p>
    </div>
  );
}
