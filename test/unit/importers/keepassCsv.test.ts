import { describe, expect, it } from 'vitest';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { keepassCsvImporter } from '../../../src/main/importers/keepassCsvImporter.js';
import { parseOtpauthUri } from '../../../src/main/otp/index.js';
import { VECTORS, detectedFixtures, expectPublishedCodes, importedAccounts, randomBytes } from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

async function read(input: ImportInput): Promise<ImportResult> {
  return keepassCsvImporter.read(input);
}

function csvInput(lines: readonly string[], fileName = 'Passwords.csv'): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(lines.join('\n') + '\n') };
}

/**
 * No KeePassXC CSV fixture exists, so this is one as KeePassXC 2.7 writes it (CsvExporter: every cell quoted,
 * quotes doubled, the group path from the root group, the TOTP as an otpauth:// URI, ISO dates in UTC).
 */
const KEEPASSXC_27 = [
  '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"',
  `"Root","Deno","Mason","hunter2","https://deno.land","","otpauth://totp/Deno:Mason?secret=${VECTORS.deno.secret}&period=30&digits=6&issuer=Deno","0","2024-03-01T10:00:00Z","2023-12-24T08:30:00Z"`,
  `"Root/Internet/Dev","SPDX","James","p""a,ss","https://spdx.org","Line one\nLine two","otpauth://totp/SPDX:James?secret=${VECTORS.spdx.secret}&period=20&digits=7&issuer=SPDX&algorithm=SHA256","1","2024-03-01T10:00:00Z","2024-03-01T10:00:00Z"`,
  '"Root/Internet","No OTP","someone","pw","","","","0","",""',
  '"Root/Internet","Bare secret","alice","pw","https://example.com","","jbsw y3dp ehpk 3pxp","0","",""',
  '"Root/Plugins","KeeOtp","bob","pw","","","key=JBSWY3DPEHPK3PXP&step=30&size=6","0","",""',
  '"Root","Broken","carol","pw","","","otpauth://totp/Broken?secret=1NOTBASE32","0","",""',
];

describe('keepassCsvImporter: a KeePassXC 2.7 export', () => {
  it('reads every entry: group as tag without "Root", username, password, URL, notes, dates and TOTP', async () => {
    const input = csvInput(KEEPASSXC_27);
    expect(keepassCsvImporter.isEncrypted(input)).toBe(false);
    const result = await read(input);
    expect(result.format).toBe('keepass-csv');
    expect(result.items.map((item) => [item.content.title, item.content.tags, item.content.otp.length])).toEqual([
      ['Deno', [], 1],
      ['SPDX', ['Internet/Dev'], 1],
      ['No OTP', ['Internet'], 0],
      ['Bare secret', ['Internet'], 1],
      ['KeeOtp', ['Plugins'], 0],
      ['Broken', [], 0],
    ]);
    const [deno, spdx] = result.items;
    expect(deno).toMatchObject({
      trashed: false,
      createdAt: Date.UTC(2023, 11, 24, 8, 30),
      updatedAt: Date.UTC(2024, 2, 1, 10),
      content: { template: 'login', username: 'Mason', password: 'hunter2', websites: ['https://deno.land'], notes: '' },
    });
    expect(spdx!.content).toMatchObject({ password: 'p"a,ss', notes: 'Line one\nLine two', websites: ['https://spdx.org'] });
    const accounts = importedAccounts({ ...result, items: result.items.filter((item) => item.content.otp.length > 0) });
    expect(accounts.slice(0, 2)).toEqual([
      { ...VECTORS.deno, extra: [] },
      { ...VECTORS.spdx, extra: [] },
    ]);
    // A bare secret is the entry's own account.
    expect(accounts[2]).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Bare secret', account: 'alice', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(expectPublishedCodes({ ...result, items: result.items.slice(0, 2) })).toBe(2);
  });

  it('reports the KeeOtp settings string and a broken URI as invalid, keeping the entries', async () => {
    const result = await read(csvInput(KEEPASSXC_27));
    expect(result.problems).toEqual([
      { item: 'KeeOtp', what: 'TOTP', reason: expect.stringContaining('KeeOtp settings'), kind: 'invalid' },
      { item: 'Broken', what: 'TOTP', reason: expect.stringContaining('base32'), kind: 'invalid' },
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('accepts an "otp" column in any case, and older exports without one', async () => {
    const lower = await read(
      csvInput(['group,title,username,password,url,notes,OTP', `Root,Deno,Mason,x,,,otpauth://totp/Deno:Mason?secret=${VECTORS.deno.secret}&issuer=Deno`]),
    );
    expect(parseOtpauthUri(lower.items[0]!.content.otp[0]!.uri)).toMatchObject({ secret: VECTORS.deno.secret, issuer: 'Deno', account: 'Mason' });
    const old = await read(csvInput(['"Group","Title","Username","Password","URL","Notes"', '"Root/Mail","Inbox","me","pw","https://mail.example","hi"']));
    expect(old.problems).toEqual([]);
    expect(old.items[0]).toMatchObject({ createdAt: null, updatedAt: null, content: { title: 'Inbox', tags: ['Mail'], otp: [] } });
  });
});

describe('keepassCsvImporter: detection and damaged files', () => {
  it('recognises no fixture under others/ (none is a KeePassXC CSV)', () => {
    expect(detectedFixtures(keepassCsvImporter)).toEqual([]);
  });

  it('recognises its header from content only, and rejects noise and other CSVs', () => {
    expect(keepassCsvImporter.detect(csvInput(KEEPASSXC_27, 'export.txt'))).toBe(true);
    expect(keepassCsvImporter.detect(csvInput(KEEPASSXC_27.slice(0, 1)))).toBe(true);
    expect(keepassCsvImporter.detect({ fileName: 'Passwords.csv', bytes: randomBytes(4096) })).toBe(false);
    expect(keepassCsvImporter.detect(csvInput(['folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp']))).toBe(false);
    expect(keepassCsvImporter.detect(csvInput(['"Title","Username","Password"']))).toBe(false);
  });

  it('refuses a file without the KeePassXC columns, a cut-off file and non-text with UNSUPPORTED_FORMAT', async () => {
    await expect(read(csvInput(['"Title","Username"', '"a","b"']))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'group, password, url, notes'));
    await expect(read(csvInput([...KEEPASSXC_27, '"Root","cut']))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'cut off'));
    await expect(read({ fileName: 'x.csv', bytes: randomBytes(64) })).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'UTF-8'));
  });
});
