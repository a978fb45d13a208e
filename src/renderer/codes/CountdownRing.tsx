import { useAppServices } from '../app/AppServices.js';

const RADIUS = 10;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;
/** At or below this many seconds the ring turns to the warning colour and the next code shows. */
export const LAST_SECONDS = 5;

/**
 * Seconds left in the period as a draining ring with the number inside. Named as "12 seconds left" for
 * screen readers; keyed by the code so a new period starts a new circle instead of animating backwards.
 */
export function CountdownRing({ remaining, period, codeKey }: { readonly remaining: number; readonly period: number; readonly codeKey: string }) {
  const { translator } = useAppServices();
  const fraction = period > 0 ? Math.min(1, Math.max(0, remaining / period)) : 0;
  return (
    <svg
      className={remaining <= LAST_SECONDS ? 'ring ring-ending' : 'ring'}
      viewBox="0 0 28 28"
      role="img"
      aria-label={translator.plural('ring.secondsLeft', remaining)}
    >
      <circle className="ring-track" cx="14" cy="14" r={RADIUS} />
      <circle
        key={codeKey}
        className="ring-progress"
        cx="14"
        cy="14"
        r={RADIUS}
        strokeDasharray={CIRCUMFERENCE}
        strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
        transform="rotate(-90 14 14)"
      />
      <text className="ring-text" x="14" y="14" textAnchor="middle" dominantBaseline="central">
        {remaining}
      </text>
    </svg>
  );
}
