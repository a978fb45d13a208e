import { describe, expect, it } from 'vitest';
import { createScreenRotation } from '../../../src/main/electron/createScreenRotation.js';

const SCREENS = [{ id: 'screen:1:0' }, { id: 'screen:2:0' }, { id: 'screen:3:0' }];

function rotationAt(times: number[]) {
  let index = 0;
  return createScreenRotation({ now: () => times[index++] ?? 0, restartAfterMilliseconds: 10_000 });
}

describe('createScreenRotation', () => {
  it('gives one display per request, walking through them and wrapping', () => {
    const next = rotationAt([0, 100, 200, 300]);
    expect([next(SCREENS), next(SCREENS), next(SCREENS), next(SCREENS)].map((screen) => screen?.id)).toEqual([
      'screen:1:0',
      'screen:2:0',
      'screen:3:0',
      'screen:1:0',
    ]);
  });

  it('starts a new scan at the first display after a pause', () => {
    const next = rotationAt([0, 100, 20_000]);
    next(SCREENS);
    expect(next(SCREENS)?.id).toBe('screen:2:0');
    expect(next(SCREENS)?.id).toBe('screen:1:0');
  });

  it('starts over when the previous display was unplugged, and answers null without displays', () => {
    const next = rotationAt([0, 100, 200]);
    expect(next(SCREENS)?.id).toBe('screen:1:0');
    expect(next([{ id: 'screen:9:0' }, { id: 'screen:8:0' }])?.id).toBe('screen:9:0');
    expect(next([])).toBeNull();
  });
});
