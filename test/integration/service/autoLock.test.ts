import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { call, callFailure, startUnlockedService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();
const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('the idle auto-lock', () => {
  it('locks after the default five idle minutes and says why', async () => {
    const { service, clock, events } = await startUnlockedService(nextPath());
    clock.advance(5 * MINUTE - 1);
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: true });
    clock.advance(1);
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: false });
    expect(events).toEqual([{ name: 'locked', payload: { reason: 'idle' } }]);
    expect(await callFailure(service, 'listEntries', {})).toMatchObject({ code: 'VAULT_LOCKED' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('is not kept open by the code list polling codes and status every second', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    let polls = 0;
    while ((await call(service, 'status', {})).unlocked) {
      await service.dispatch('codes', { fields: [], at: clock.now });
      clock.advance(SECOND);
      polls += 1;
    }
    expect(polls).toBe(5 * 60);
  });

  it('counts again from reportActivity and from any other call', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    clock.advance(4 * MINUTE);
    await call(service, 'reportActivity', {});
    clock.advance(4 * MINUTE);
    await call(service, 'listItems', { trashed: false });
    clock.advance(4 * MINUTE);
    // Even a failed call is the user doing something.
    await callFailure(service, 'getItem', { id: 'missing' });
    clock.advance(5 * MINUTE - 1);
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: true });
    clock.advance(1);
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: false });
  });

  it('never locks at 0 minutes, and a changed delay counts from the change', async () => {
    const { service, clock, events } = await startUnlockedService(nextPath());
    await call(service, 'savePreferences', { preferences: { autoLockMinutes: 0 } });
    expect(clock.pendingTimers).toBe(0);
    clock.advance(48 * 60 * MINUTE);
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: true });

    await call(service, 'savePreferences', { preferences: { autoLockMinutes: 1 } });
    clock.advance(MINUTE);
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: false });
    expect(events.filter((event) => event.name === 'locked')).toEqual([{ name: 'locked', payload: { reason: 'idle' } }]);
  });

  it('does not run while locked, and starts again at unlock', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    await call(service, 'lock', {});
    expect(clock.pendingTimers).toBe(0);
    await call(service, 'reportActivity', {});
    expect(clock.pendingTimers).toBe(0);
    await call(service, 'unlock', { password: TEST_PASSWORD });
    expect(clock.pendingTimers).toBe(1);
  });
});

describe('locking from the host', () => {
  it('locks with the host reason once, and dispose locks for good and stops the timer', async () => {
    const { service, clock, events } = await startUnlockedService(nextPath());
    service.lock('system');
    service.lock('minimised');
    expect(events).toEqual([{ name: 'locked', payload: { reason: 'system' } }]);
    expect(clock.pendingTimers).toBe(0);

    await call(service, 'unlock', { password: TEST_PASSWORD });
    service.dispose();
    expect(events.at(-1)).toEqual({ name: 'locked', payload: { reason: 'closed' } });
    expect(clock.pendingTimers).toBe(0);
    expect(await callFailure(service, 'unlock', { password: TEST_PASSWORD })).toMatchObject({ code: 'VAULT_LOCKED' });
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: false });
  });

  it('abandons an unlock still deriving its key when the vault is locked meanwhile', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    await call(service, 'lock', {});
    const unlocking = service.dispatch('unlock', { password: TEST_PASSWORD });
    service.lock('system');
    expect(await unlocking).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: false });
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps one session when two unlocks race', async () => {
    const { service } = await startUnlockedService(nextPath());
    await call(service, 'lock', {});
    const answers = await Promise.all([
      service.dispatch('unlock', { password: TEST_PASSWORD }),
      service.dispatch('unlock', { password: TEST_PASSWORD }),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await call(service, 'listEntries', {})).toEqual([]);
    await call(service, 'lock', {});
    expect(await callFailure(service, 'listEntries', {})).toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
