/**
 * Two processes writing the same vault at once (the app and the CLI, or two CLI calls): no write is lost,
 * no HOTP code is handed out twice, and a vault that stays open in a third place sees both on its next read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import { counterOf, hotpCode } from './referenceOtp.js';
import { RFC_SEED_SHA1, TEST_KDF, TEST_PASSWORD, temporaryVaultPaths, withDatabase } from './support.js';
import { VaultProcess, assertBuilt } from './vaultProcesses.js';

const nextPath = temporaryVaultPaths();
const CREATES = 200;
const HOTP_CALLS = 100;
const LABELS = ['A', 'B'] as const;

interface Acknowledged {
  op: 'create' | 'hotp';
  title?: string;
  code?: string;
  counter?: number;
}

beforeAll(() => assertBuilt());

describe('two processes writing at once', () => {
  it(`each creating ${CREATES} items and taking ${HOTP_CALLS} codes from one shared HOTP field`, async () => {
    const path = nextPath();
    const observer = await Vault.create(path, TEST_PASSWORD, { kdf: TEST_KDF });
    try {
      // 8 digits: the 200 codes of counters 0..199 are then all different, so "no code twice" is decidable.
      const shared = observer.createItem({ title: 'Shared', otp: [{ id: 'hotp', label: '', uri: `otpauth://hotp/Bank:us?secret=${RFC_SEED_SHA1}&digits=8&counter=0` }] });
      const expectedCodes = Array.from({ length: LABELS.length * HOTP_CALLS }, (_, counter) => hotpCode(RFC_SEED_SHA1, counter, 8));
      expect(new Set(expectedCodes).size).toBe(expectedCodes.length);
      expect(observer.items()).toHaveLength(1);

      const writers = LABELS.map(
        (label, index) =>
          new VaultProcess({ mode: 'concurrent', path, password: TEST_PASSWORD, label, creates: CREATES, hotpCalls: HOTP_CALLS, pauseMilliseconds: 1, seed: 77 + index, hotp: { itemId: shared.id, fieldId: 'hotp' } }),
      );
      await Promise.all(writers.map((writer) => writer.waitFor((event) => event['ready'] === true)));
      for (const writer of writers) writer.send('go');
      await Promise.all(writers.map((writer) => writer.succeeded()));

      const acks = writers.map((writer) => writer.events.filter((event) => 'ack' in event).map((event) => event['ack'] as Acknowledged));
      // They really ran at the same time: at least one saw the other's HOTP calls between two of its own.
      const gaps = acks.map((own) => {
        const counters = own.filter((ack) => ack.op === 'hotp').map((ack) => ack.counter!);
        return counters.at(-1)! - counters[0]! - (counters.length - 1);
      });
      expect(Math.max(...gaps), 'counters the other process used up in between').toBeGreaterThan(0);

      // The long-lived vault reads the other processes' commits without being reopened.
      const items = observer.items();
      expect(items).toHaveLength(1 + LABELS.length * CREATES);
      const titles = items.map((item) => item.title).sort();
      const expectedTitles = ['Shared', ...LABELS.flatMap((label) => Array.from({ length: CREATES }, (_, index) => `${label}-${index}`))].sort();
      expect(titles).toEqual(expectedTitles);
      expect(counterOf(observer.item(shared.id).otp[0]!.uri)).toBe(LABELS.length * HOTP_CALLS);

      const handedOut = acks.map((own) => own.filter((ack) => ack.op === 'hotp').map((ack) => ack.code!));
      for (const codes of handedOut) {
        expect(codes).toHaveLength(HOTP_CALLS);
        expect(new Set(codes).size, 'no code handed out twice by one process').toBe(codes.length);
      }
      // Together: exactly the codes of counters 0..199, each once.
      expect(handedOut.flat().sort()).toEqual([...expectedCodes].sort());
    } finally {
      observer.lock();
    }

    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    try {
      expect(reopened.items()).toHaveLength(1 + LABELS.length * CREATES);
    } finally {
      reopened.lock();
    }
    expect(withDatabase(path, (database) => database.pragma('integrity_check', { simple: true }))).toBe('ok');
  });
});
