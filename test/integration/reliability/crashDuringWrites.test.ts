/**
 * SIGKILL in the middle of writing. A child process writes as fast as it can and acknowledges each write
 * after it returned; the parent kills it at random moments, restarts it, and in the end requires that the
 * vault opens, that every acknowledged write is there (an item's state is its last acknowledged one, or the
 * one write that was in flight when the process died), and that the HOTP counter never went back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import type { Item } from '../../../src/shared/item.js';
import { counterOf, hotpCode } from './referenceOtp.js';
import { RFC_SEED_SHA1, TEST_KDF, TEST_PASSWORD, randomInteger, seededRandom, temporaryVaultPaths, withDatabase } from './support.js';
import { type ProcessEvent, VaultProcess, assertBuilt } from './vaultProcesses.js';

const nextPath = temporaryVaultPaths();
const TOTAL_WRITES = 1_000;
const KILLS = 5;
const SEED = 4_242;

interface Acknowledged {
  op: 'create' | 'update' | 'trash' | 'hotp';
  id: string;
  title?: string;
  trashed?: boolean;
  code?: string;
  counter?: number;
}

interface ItemState {
  title: string;
  trashed: boolean;
}

beforeAll(() => assertBuilt());

describe('SIGKILL during writes', () => {
  it(`keeps every acknowledged write across ${KILLS} kills and ${TOTAL_WRITES} writes`, async () => {
    const path = nextPath();
    const setup = await Vault.create(path, TEST_PASSWORD, { kdf: TEST_KDF });
    const counterItem = setup.createItem({ title: 'Counter', otp: [{ id: 'hotp', label: '', uri: `otpauth://hotp/Bank:me?secret=${RFC_SEED_SHA1}&digits=8&counter=0` }] });
    setup.lock();

    const random = seededRandom(SEED);
    const acknowledged = new Map<string, ItemState>();
    /** A write that was in flight at a kill: it may or may not have landed. Cleared by a later ack of the same item. */
    const inFlight = new Map<string, ItemState>();
    const inFlightCreates: string[] = [];
    let inFlightHotp = 0;
    const hotpAcks: Acknowledged[] = [];
    let writes = 0;
    let kills = 0;
    let round = 0;

    while (writes < TOTAL_WRITES) {
      round += 1;
      const writer = new VaultProcess({ mode: 'mixed', path, password: TEST_PASSWORD, writes: TOTAL_WRITES - writes, seed: SEED + round, hotp: { itemId: counterItem.id, fieldId: 'hotp' } });
      if (kills < KILLS) {
        await writer.waitFor((event) => 'ack' in event);
        await new Promise((resolve) => setTimeout(resolve, 5 + randomInteger(random, 120)));
        writer.kill();
        const exit = await writer.exited;
        if (exit.signal === 'SIGKILL') kills += 1;
      } else {
        await writer.succeeded();
      }
      expect(writer.events.filter((event) => 'error' in event), writer.stderr).toEqual([]);

      let pending: ProcessEvent | null = null;
      for (const event of writer.events) {
        if ('intent' in event) pending = event['intent'] as ProcessEvent;
        if (!('ack' in event)) continue;
        pending = null;
        writes += 1;
        const ack = event['ack'] as Acknowledged;
        if (ack.op === 'hotp') {
          hotpAcks.push(ack);
          continue;
        }
        acknowledged.set(ack.id, { title: ack.title!, trashed: ack.trashed! });
        inFlight.delete(ack.id);
      }
      if (pending?.['op'] === 'create') inFlightCreates.push(pending['title'] as string);
      else if (pending?.['op'] === 'hotp') inFlightHotp += 1;
      else if (pending) inFlight.set(pending['id'] as string, { title: pending['title'] as string, trashed: pending['trashed'] as boolean });
    }
    expect(kills).toBe(KILLS);
    expect(writes).toBeGreaterThanOrEqual(TOTAL_WRITES);

    const vault = await Vault.unlock(path, TEST_PASSWORD);
    let items: Item[];
    try {
      items = vault.items();
    } finally {
      vault.lock();
    }
    const byId = new Map(items.map((item) => [item.id, item]));

    for (const [id, state] of acknowledged) {
      const item = byId.get(id);
      expect(item, `acknowledged item ${id} (${state.title})`).toBeDefined();
      const stored = { title: item!.title, trashed: item!.trashedAt !== null };
      const alternatives = [state, ...(inFlight.has(id) ? [inFlight.get(id)!] : [])];
      expect(alternatives, `item ${id}`).toContainEqual(stored);
    }
    // Items nobody acknowledged can only be creates that were in flight at a kill.
    const unacknowledged = items.filter((item) => item.id !== counterItem.id && !acknowledged.has(item.id)).map((item) => item.title);
    for (const title of unacknowledged) expect(inFlightCreates).toContain(title);
    expect(new Set(unacknowledged).size).toBe(unacknowledged.length);

    // Every acknowledged HOTP code is the code of the counter it used up, counters only ever advance, and
    // the stored counter is past the last one handed out, by at most the calls that were in flight.
    const counters = hotpAcks.map((ack) => ack.counter!);
    expect(counters.length).toBeGreaterThan(50);
    for (const ack of hotpAcks) expect(ack.code, `counter ${ack.counter! - 1}`).toBe(hotpCode(RFC_SEED_SHA1, ack.counter! - 1, 8));
    for (let index = 1; index < counters.length; index += 1) expect(counters[index]!).toBeGreaterThan(counters[index - 1]!);
    const stored = counterOf(byId.get(counterItem.id)!.otp[0]!.uri);
    expect(stored).toBeGreaterThanOrEqual(counters.at(-1)!);
    expect(stored - counters.length).toBeLessThanOrEqual(inFlightHotp);

    expect(withDatabase(path, (database) => database.pragma('integrity_check', { simple: true }))).toBe('ok');
  });
});
