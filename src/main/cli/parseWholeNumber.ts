import { UsageError } from './usageError.js';

/** An option's value as a whole number in [minimum, maximum], or a usage error naming the option. */
export function parseWholeNumber(option: string, value: string, minimum: number, maximum: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < minimum || number > maximum) {
    throw new UsageError(`${option} needs a whole number from ${minimum} to ${maximum}`);
  }
  return number;
}
