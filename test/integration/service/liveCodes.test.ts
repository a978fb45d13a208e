import { describe, expect, it } from 'vitest';
import { type ItemContent, emptyItemContent } from '../../../src/shared/item.js';
import { Vault } from '../../../src/main/vault/index.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { call, startUnlockedService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();

/** RFC 6238 Appendix B: the ASCII seeds "1234567890…" of 20, 32 and 64 bytes, in base32. */
const RFC_SECRETS = {
  SHA1: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  SHA256: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA',
  SHA512: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA',
} as const;

type Algorithm = keyof typeof RFC_SECRETS;

function rfcItem(algorithm: Algorithm, extra: Partial<ItemContent> = {}): ItemContent {
  return {
    ...emptyItemContent(),
    title: `RFC 6238 ${algorithm}`,
    otp: [{ id: 'code', label: 'TOTP', uri: `otpauth://totp/RFC?secret=${RFC_SECRETS[algorithm]}&algorithm=${algorithm}&digits=8&period=30` }],
    ...extra,
  };
}

/** A service with one RFC 6238 item per algorithm; returns their ids by algorithm. */
async function rfcVault() {
  const fixture = await startUnlockedService(nextPath());
  const ids = {} as Record<Algorithm, string>;
  for (const algorithm of Object.keys(RFC_SECRETS) as Algorithm[]) {
    ids[algorithm] = (await call(fixture.service, 'saveItem', { id: null, content: rfcItem(algorithm) })).id;
  }
  return { ...fixture, ids };
}

/** Appendix B's table: Unix seconds and the 8-digit code for each algorithm. */
const APPENDIX_B: readonly [number, Record<Algorithm, string>][] = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

describe('codes', () => {
  it.each(APPENDIX_B)('gives the RFC 6238 Appendix B codes at %i s', async (seconds, expected) => {
    const { service, ids } = await rfcVault();
    const algorithms = Object.keys(RFC_SECRETS) as Algorithm[];
    const codes = await call(service, 'codes', { fields: algorithms.map((algorithm) => ({ itemId: ids[algorithm], fieldId: 'code' })), at: seconds * 1000 });
    expect(codes.map((code) => code.current.code)).toEqual(algorithms.map((algorithm) => expected[algorithm]));
    // The independent implementation agrees with the RFC's table, so it can vouch for the next codes below.
    for (const algorithm of algorithms) {
      expect(totp(decodeBase32(RFC_SECRETS[algorithm]), seconds, { digits: 8, algorithm: algorithm.toLowerCase() })).toBe(expected[algorithm]);
    }
  });

  it('adds the next code during the last five seconds of a period', async () => {
    const { service, ids } = await rfcVault();
    const fields = [{ itemId: ids.SHA1, fieldId: 'code' }];
    const key = decodeBase32(RFC_SECRETS.SHA1);

    const [last] = await call(service, 'codes', { fields, at: 59_000 });
    expect(last).toEqual({
      itemId: ids.SHA1,
      fieldId: 'code',
      current: { code: '94287082', remaining: 1, period: 30 },
      next: { code: totp(key, 60, { digits: 8 }), remaining: 31, period: 30 },
    });

    // Appendix B happens to list two times in neighbouring periods: 1111111109 s (1 s left) and 1111111111 s.
    const [boundary] = await call(service, 'codes', { fields, at: 1_111_111_109_000 });
    expect(boundary?.current.code).toBe('07081804');
    expect(boundary?.next?.code).toBe('14050471');

    const at = async (milliseconds: number) => (await call(service, 'codes', { fields, at: milliseconds }))[0]!;
    expect(await at(25_000)).toMatchObject({ current: { remaining: 5 }, next: { code: totp(key, 30, { digits: 8 }) } });
    expect(await at(24_001)).toMatchObject({ current: { remaining: 6 }, next: null });
    expect(await at(30_000)).toMatchObject({ current: { code: totp(key, 30, { digits: 8 }), remaining: 30 }, next: null });
  });

  it('applies the vault time offset to the renderer clock', async () => {
    const { service, ids } = await rfcVault();
    const fields = [{ itemId: ids.SHA1, fieldId: 'code' }];
    await call(service, 'saveVaultSettings', { settings: { timeOffsetSeconds: 30 } });
    expect((await call(service, 'codes', { fields, at: 29_000 }))[0]).toMatchObject({ current: { code: '94287082', remaining: 1 } });
    await call(service, 'saveVaultSettings', { settings: { timeOffsetSeconds: -60 } });
    expect((await call(service, 'codes', { fields, at: 119_000 }))[0]?.current.code).toBe('94287082');
  });

  it('answers in the order asked and leaves out HOTP fields and fields of deleted or trashed items', async () => {
    const { service, ids } = await rfcVault();
    const withCounter = await call(service, 'saveItem', {
      id: null,
      content: rfcItem('SHA1', { title: 'Counter', otp: [{ id: 'hotp', label: 'HOTP', uri: `otpauth://hotp/C?secret=${RFC_SECRETS.SHA1}&counter=1` }] }),
    });
    await call(service, 'trashItem', { id: ids.SHA256 });
    const codes = await call(service, 'codes', {
      fields: [
        { itemId: ids.SHA512, fieldId: 'code' },
        { itemId: withCounter.id, fieldId: 'hotp' },
        { itemId: ids.SHA256, fieldId: 'code' },
        { itemId: 'deleted-meanwhile', fieldId: 'code' },
        { itemId: ids.SHA1, fieldId: 'no-such-field' },
        { itemId: ids.SHA1, fieldId: 'code' },
      ],
      at: 59_000,
    });
    expect(codes.map((code) => code.itemId)).toEqual([ids.SHA512, ids.SHA1]);
    expect(await call(service, 'codes', { fields: [], at: 0 })).toEqual([]);
  });

  it('accepts a full page of 20,000 fields', async () => {
    const { service, ids } = await rfcVault();
    const fields = Array.from({ length: 20_000 }, () => ({ itemId: ids.SHA1, fieldId: 'code' }));
    expect(await call(service, 'codes', { fields, at: 59_000 })).toHaveLength(20_000);
  });
});

describe('listEntries', () => {
  it('lists every OTP field of live items, favourites first, with summaries and without codes or secrets', async () => {
    const { service, ids } = await rfcVault();
    const favourite = await call(service, 'saveItem', { id: null, content: rfcItem('SHA1', { title: 'Zeta', favorite: true, tags: ['Pinned'] }) });
    await call(service, 'trashItem', { id: ids.SHA512 });
    const entries = await call(service, 'listEntries', {});
    expect(entries.map((entry) => entry.title)).toEqual(['Zeta', 'RFC 6238 SHA1', 'RFC 6238 SHA256']);
    expect(entries[0]).toEqual({
      itemId: favourite.id,
      fieldId: 'code',
      title: 'Zeta',
      issuer: '',
      account: 'RFC',
      tags: ['Pinned'],
      favorite: true,
      summary: { type: 'totp', issuer: '', account: 'RFC', algorithm: 'SHA1', digits: 8, period: 30, counter: 0 },
      current: null,
    });
    const answer = JSON.stringify(entries);
    for (const secret of Object.values(RFC_SECRETS)) expect(answer).not.toContain(secret);
    expect(answer).not.toContain('otpauth');
  });
});

describe('changes made by another process', () => {
  it('are announced once with vaultChanged when a read notices them', async () => {
    const { service, events, vaultPath } = await rfcVault();
    events.length = 0;
    const other = await Vault.unlock(vaultPath, TEST_PASSWORD);
    other.createItem(rfcItem('SHA1', { title: 'Added by the CLI' }));
    other.lock();

    await call(service, 'codes', { fields: [], at: 0 });
    expect(events).toEqual([{ name: 'vaultChanged', payload: {} }]);
    await call(service, 'codes', { fields: [], at: 0 });
    expect(events).toHaveLength(1);
    expect((await call(service, 'listEntries', {})).map((entry) => entry.title)).toContain('Added by the CLI');
  });
});
