/**
 * scanTexts and saveScanned: QR texts the window decoded are explained in main, their accounts kept there,
 * and only summaries (never a secret) go back; the user's picks are saved in one transaction.
 */
import { describe, expect, it } from 'vitest';
import { emptyItemContent } from '../../../src/shared/item.js';
import { account, migrationUri, payload } from '../../support/migrationEncoder.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { call, callFailure, startUnlockedService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();

const ENTRA_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ENTRA = `otpauth://totp/Contoso:alice%40contoso.com?secret=${ENTRA_SECRET}&issuer=Microsoft`;
const GITHUB = 'otpauth://totp/GitHub:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub';
const PUSH = 'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate';

/** Part `index` (0-based) of a 3-part Google Authenticator export, each part holding one account. */
function exportPart(index: number): string {
  const secret = Array.from({ length: 10 }, (_, byte) => (byte * 7 + index * 31) & 0xff);
  return migrationUri(payload([account({ secret, name: `user${index}`, issuer: `Service ${index}` })], { size: 3, index, id: -42 }));
}

describe('scanTexts', () => {
  it('explains every code, shows accounts without their secret and with a live code, and marks duplicates', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    await call(service, 'saveItem', { id: null, content: { ...emptyItemContent(), title: 'GitHub', otp: [{ id: 'f', label: 'TOTP', uri: GITHUB }] } });
    const report = await call(service, 'scanTexts', {
      sources: [
        { source: 'Screen 1', texts: [ENTRA, GITHUB] },
        { source: 'Screen 2', texts: [PUSH] },
        { source: 'logo.png', texts: ['https://example.com/path?secret=no'] },
        { source: 'Screen 3', texts: [] },
      ],
      restart: true,
    });
    expect(report.candidates).toHaveLength(2);
    const [entra, github] = report.candidates;
    expect(entra).toMatchObject({
      source: 'Screen 1',
      summary: { type: 'totp', issuer: 'Microsoft', account: 'alice@contoso.com', digits: 6, period: 30 },
      template: 'microsoft365',
      title: 'Microsoft',
      duplicateOf: null,
      current: { code: totp(decodeBase32(ENTRA_SECRET), Math.floor(clock.now / 1000)) },
    });
    expect(github).toMatchObject({ template: 'login', duplicateOf: { fieldId: 'f' } });
    expect(report.unusable.map(({ source, error }) => [source, error.code])).toEqual([
      ['Screen 2', 'MICROSOFT_PUSH_QR'],
      ['logo.png', 'QR_NOT_TOTP'],
      ['Screen 3', 'QR_NOT_FOUND'],
    ]);
    expect(JSON.stringify(report)).not.toContain(ENTRA_SECRET);
    expect(JSON.stringify(report)).not.toContain('secret=');
  });

  it('adds parts of a split Google Authenticator export scan by scan, saying which are missing', async () => {
    const { service } = await startUnlockedService(nextPath());
    const first = await call(service, 'scanTexts', { sources: [{ source: 'Screen 1', texts: [exportPart(0)] }], restart: true });
    expect(first.migrations).toEqual([{ size: 3, scanned: [1], missing: [2, 3] }]);
    const second = await call(service, 'scanTexts', { sources: [{ source: 'Screen 1', texts: [exportPart(2)] }], restart: false });
    expect(second.migrations).toEqual([{ size: 3, scanned: [1, 3], missing: [2] }]);
    expect(second.candidates.map((candidate) => candidate.summary.issuer)).toEqual(['Service 0', 'Service 2']);
    // An account keeps its id from scan to scan, so a review list can keep the user's choices.
    expect(second.candidates[0]?.id).toBe(first.candidates[0]?.id);
    const restarted = await call(service, 'scanTexts', { sources: [{ source: 'Screen 1', texts: [exportPart(1)] }], restart: true });
    expect(restarted.migrations).toEqual([{ size: 3, scanned: [2], missing: [1, 3] }]);
  });
});

describe('saveScanned', () => {
  it('saves picks as new items or as a field of an existing item, in one go, and ends the scan', async () => {
    const { service, events } = await startUnlockedService(nextPath());
    const existing = await call(service, 'saveItem', { id: null, content: { ...emptyItemContent(), title: 'Topdesk' } });
    const report = await call(service, 'scanTexts', { sources: [{ source: 'Screen 1', texts: [ENTRA, GITHUB] }], restart: true });
    const [entra, github] = report.candidates;
    const changesBefore = events.filter(({ name }) => name === 'vaultChanged').length;
    const saved = await call(service, 'saveScanned', { choices: [{ candidateId: entra!.id, itemId: existing.id }, { candidateId: github!.id, itemId: null }] });
    expect(saved.map((item) => [item.title, item.otp.map((field) => field.summary.issuer)])).toEqual([
      ['Topdesk', ['Microsoft']],
      ['GitHub', ['GitHub']],
    ]);
    expect(events.filter(({ name }) => name === 'vaultChanged').length).toBe(changesBefore + 1);
    expect(await callFailure(service, 'saveScanned', { choices: [{ candidateId: entra!.id, itemId: null }] })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('saves nothing when one pick fails', async () => {
    const { service } = await startUnlockedService(nextPath());
    const report = await call(service, 'scanTexts', { sources: [{ source: 'Screen 1', texts: [ENTRA, GITHUB] }], restart: true });
    const [entra, github] = report.candidates;
    const failure = await callFailure(service, 'saveScanned', { choices: [{ candidateId: entra!.id, itemId: null }, { candidateId: github!.id, itemId: 'no-such-item' }] });
    expect(failure.code).toBe('ITEM_NOT_FOUND');
    expect(await call(service, 'listItems', { trashed: false })).toEqual([]);
  });

  it('forgets the scan when the vault locks: a candidate from before is refused', async () => {
    const fixture = await startUnlockedService(nextPath());
    const report = await call(fixture.service, 'scanTexts', { sources: [{ source: 'Screen 1', texts: [ENTRA] }], restart: true });
    await call(fixture.service, 'lock', {});
    await call(fixture.service, 'unlock', { password: TEST_PASSWORD });
    expect(await callFailure(fixture.service, 'saveScanned', { choices: [{ candidateId: report.candidates[0]!.id, itemId: null }] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'That scanned account is no longer available: scan again.',
    });
  });
});
