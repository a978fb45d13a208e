import { beforeAll, describe, expect, it } from 'vitest';
import { API_CALL_NAMES, type ApiCallName, IMPORT_FILE_MAX_BYTES } from '../../../src/shared/api.js';
import { emptyItemContent } from '../../../src/shared/item.js';
import type { ApiService } from '../../../src/main/vault/apiService.js';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { call, callFailure, startService, startUnlockedService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();

const item = { id: 'item' };
const field = { itemId: 'item', fieldId: 'field' };
const long = (length: number) => 'x'.repeat(length);
const importFile = { fileName: 'export.json', data: 'e30=', format: null, password: null };
/** The base64 length of a file of `bytes` bytes, padded as btoa pads it (its content does not matter here). */
const base64Of = (bytes: number) => `${'A'.repeat(4 * Math.ceil(bytes / 3) - (3 - (bytes % 3 || 3)))}${'='.repeat(3 - (bytes % 3 || 3))}`;

/** A well-formed request for each call: a field added to it must be refused. */
const VALID: { readonly [K in ApiCallName]: object } = {
  status: {},
  createVault: { password: TEST_PASSWORD },
  unlock: { password: TEST_PASSWORD },
  lock: {},
  changePassword: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
  listEntries: {},
  codes: { fields: [field], at: 0 },
  nextHotpCode: field,
  listItems: { trashed: false },
  getItem: item,
  revealItem: item,
  previewOtp: { text: 'JBSWY3DPEHPK3PXP', issuer: '', account: '' },
  saveItem: { id: null, content: { ...emptyItemContent(), title: 'x' } },
  trashItem: item,
  restoreItem: item,
  deleteItem: item,
  getSettings: {},
  savePreferences: { preferences: {} },
  saveVaultSettings: { settings: {} },
  scanTexts: { sources: [{ source: 'Screen 1', texts: ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'] }], restart: true },
  saveScanned: { choices: [{ candidateId: 'candidate', itemId: null }] },
  previewImport: { fileName: 'export.json', data: 'e30=', format: null, password: null },
  applyImport: { importId: 'import', keepDuplicates: false },
  discardImport: { importId: 'import' },
  reportActivity: {},
};

/** Payloads of the wrong shape for each call, beyond the ones every call refuses. */
const MALFORMED: { readonly [K in ApiCallName]: readonly unknown[] } = {
  status: [],
  createVault: [{}, { password: 42 }, { password: null }, { password: long(4097) }],
  unlock: [{}, { password: ['a'] }, { password: long(4097) }],
  lock: [],
  changePassword: [{ currentPassword: TEST_PASSWORD }, { currentPassword: TEST_PASSWORD, newPassword: 8 }, { newPassword: TEST_PASSWORD }],
  listEntries: [],
  codes: [
    { fields: [field] },
    { at: 0 },
    { fields: 'all', at: 0 },
    { fields: [field], at: '0' },
    { fields: [field], at: -1 },
    { fields: [field], at: Number.NaN },
    { fields: [field], at: Number.POSITIVE_INFINITY },
    { fields: [field], at: 2 ** 60 },
    { fields: [null], at: 0 },
    { fields: [{ itemId: 'item' }], at: 0 },
    { fields: [{ ...field, extra: true }], at: 0 },
    { fields: [{ itemId: '', fieldId: 'field' }], at: 0 },
    { fields: [{ itemId: long(129), fieldId: 'field' }], at: 0 },
    { fields: Array.from({ length: 20_001 }, () => field), at: 0 },
  ],
  nextHotpCode: [{ itemId: 'item' }, { itemId: 1, fieldId: 'field' }, { ...field, counter: 3 }],
  listItems: [{}, { trashed: 'false' }, { trashed: 0 }],
  getItem: [{}, { id: 7 }, { id: '' }, { id: long(129) }, { id: null }],
  revealItem: [{}, { id: ['item'] }],
  previewOtp: [
    { text: 'JBSWY3DPEHPK3PXP' },
    { text: 'JBSWY3DPEHPK3PXP', issuer: null, account: '' },
    { text: long(8193), issuer: '', account: '' },
    { text: 'JBSWY3DPEHPK3PXP', issuer: '', account: long(8193) },
  ],
  saveItem: [
    { content: { title: 'x' } },
    { id: null },
    { id: 5, content: { title: 'x' } },
    { id: null, content: 'x' },
    { id: null, content: { title: 5 } },
    { id: null, content: { title: 'x', otp: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' } },
    { id: null, content: { title: 'x', otp: [{ id: 'bad id!', label: '', uri: '' }] } },
    { id: null, content: { title: 'x', tags: Array.from({ length: 1001 }, () => 'tag') } },
  ],
  trashItem: [{}, { id: false }],
  restoreItem: [{}, { id: {} }],
  deleteItem: [{}, { id: 1 }],
  getSettings: [],
  savePreferences: [{}, { preferences: null }, { preferences: [] }, { preferences: { theme: 'blue' } }, { preferences: { unknown: true } }],
  saveVaultSettings: [
    {},
    { settings: null },
    { settings: { timeOffsetSeconds: '5' } },
    { settings: { timeOffsetSeconds: 0.5 } },
    { settings: { timeOffsetSeconds: 86_401 } },
    { settings: { timeOffsetSeconds: -86_401 } },
    { settings: { other: 1 } },
  ],
  scanTexts: [
    {},
    { sources: [] },
    { sources: [], restart: 'yes' },
    { sources: {}, restart: true },
    { sources: [{ source: 'Screen 1' }], restart: true },
    { sources: [{ source: 'Screen 1', texts: [''] }], restart: true },
    { sources: [{ source: 'Screen 1', texts: [long(7_090)] }], restart: true },
    { sources: [{ source: long(1_025), texts: [] }], restart: true },
    { sources: [{ source: 'Screen 1', texts: Array.from({ length: 65 }, () => 'text') }], restart: true },
    { sources: Array.from({ length: 65 }, () => ({ source: 'Screen', texts: [] })), restart: true },
  ],
  saveScanned: [{}, { choices: null }, { choices: [{ candidateId: '' , itemId: null }] }, { choices: [{ candidateId: 'x' }] }, { choices: [{ candidateId: 'x', itemId: 5 }] }],
  previewImport: [
    {},
    { ...importFile, data: undefined },
    { ...importFile, fileName: null },
    { ...importFile, fileName: long(1_025) },
    { ...importFile, data: 42 },
    // Not base64: a character outside the alphabet, a length that is no multiple of four, padding inside.
    { ...importFile, data: 'e30*' },
    { ...importFile, data: 'e30' },
    { ...importFile, data: 'e3=0' },
    { ...importFile, data: 'e30=e30=' },
    // One byte more than 32 MiB, and far more (refused by its length before anything reads it).
    { ...importFile, data: base64Of(IMPORT_FILE_MAX_BYTES + 1) },
    { ...importFile, data: 'A'.repeat(64 * 1024 * 1024) },
    { ...importFile, format: '' },
    { ...importFile, format: 7 },
    { ...importFile, format: long(65) },
    { ...importFile, format: undefined },
    { ...importFile, password: undefined },
    { ...importFile, password: 5 },
    { ...importFile, password: long(4097) },
  ],
  applyImport: [{}, { importId: 'import' }, { importId: '', keepDuplicates: false }, { importId: 'import', keepDuplicates: 'no' }, { importId: long(129), keepDuplicates: true }],
  discardImport: [{}, { importId: null }, { importId: '' }],
  reportActivity: [],
};

class NotPlain {
  password = TEST_PASSWORD;
}

/** What every call refuses: not an object, not a plain one, or one with a field it does not know. */
function refusedByEveryCall(name: ApiCallName): readonly unknown[] {
  return [undefined, null, 'text', 42, true, [], [VALID[name]], new NotPlain(), new Date(0), { ...VALID[name], unexpected: 1 }, JSON.parse('{"__proto__": {}}')];
}

const CASES = API_CALL_NAMES.flatMap((name) => [...refusedByEveryCall(name), ...MALFORMED[name]].map((payload, index) => [name, index, payload] as const));

describe('malformed requests', () => {
  let service: ApiService;
  let itemCount: number;
  beforeAll(async () => {
    ({ service } = await startUnlockedService(nextPath()));
    await call(service, 'saveItem', { id: null, content: { ...emptyItemContent(), title: 'Keep me' } });
    itemCount = (await call(service, 'listItems', { trashed: false })).length;
  });

  it.each(CASES)('%s #%i is refused with INVALID_INPUT', async (name, _index, payload) => {
    const error = await callFailure(service, name, payload);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^The (request|item) is not valid: .+\.$/);
    // Refused before the handler ran: nothing locked, nothing changed.
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: true });
    expect(await call(service, 'listItems', { trashed: false })).toHaveLength(itemCount);
  });

  it('names the field at fault', async () => {
    expect((await callFailure(service, 'codes', { fields: [field, { itemId: 'item', fieldId: 3 }], at: 0 })).message).toBe(
      'The request is not valid: fields[1].fieldId must be text.',
    );
    expect((await callFailure(service, 'getItem', { id: 'item', [long(100)]: 1 })).message).toBe(
      `The request is not valid: the request has an unexpected field "${long(40)}…".`,
    );
  });
});

describe('unknown calls', () => {
  it.each([
    ['an unknown name', 'nope'],
    ['an inherited property', '__proto__'],
    ['another inherited property', 'toString'],
    ['an empty name', ''],
    ['a number', 42],
    ['null', null],
    ['an object', { name: 'status' }],
    ['a megabyte of name', long(1_000_000)],
  ])('%s is refused without echoing the name', async (_label, name) => {
    const { service } = startService(nextPath());
    expect(await callFailure(service, name, {})).toEqual({ code: 'INVALID_INPUT', message: 'The request names no known call.' });
  });
});
