import { describe, expect, it } from 'vitest';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { otpauthListImporter } from '../../../src/main/importers/otpauthListImporter.js';
import {
  ALL_SEVEN,
  VECTORS,
  detectedFixtures,
  editedInput,
  expectAccounts,
  expectPublishedCodes,
  fixtureInput,
  randomBytes,
} from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

/** Async, so that a synchronous throw is a rejection too. */
async function read(input: ImportInput): Promise<ImportResult> {
  return otpauthListImporter.read(input);
}

function textInput(text: string, fileName = 'codes.txt'): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

const DENO_URI = 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30';
const SPDX_URI = 'otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20';

describe('otpauthListImporter: plain.txt', () => {
  it('reads vectors 1–7 exactly, with the published codes', async () => {
    const input = fixtureInput('plain.txt');
    expect(otpauthListImporter.isEncrypted(input)).toBe(false);
    const result = await read(input);
    expect(result.format).toBe('otpauth-list');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ALL_SEVEN);
    expect(expectPublishedCodes(result)).toBe(3);
    for (const item of result.items) {
      expect(item.content).toMatchObject({ template: 'login', tags: [], notes: '', favorite: false, password: '' });
      expect(item).toMatchObject({ createdAt: null, updatedAt: null });
    }
  });

  it('takes CRLF line ends, blank lines, indentation and # comments', async () => {
    const result = await read(textInput(`# exported by hand\r\n\r\n   ${DENO_URI}  \r\n# next\r\n${SPDX_URI}\r\n`));
    expect(result.problems).toEqual([]);
    expectAccounts(result, [VECTORS.deno, VECTORS.spdx]);
  });
});

describe('otpauthListImporter: lines it cannot use', () => {
  it('reports a bad line by its number and label, and imports the others', async () => {
    const text = [
      '# two good lines around two bad ones',
      DENO_URI,
      'otpauth://totp/GitHub:octocat?secret=ABC1DEFG&issuer=GitHub',
      '',
      'https://example.com/not-an-account',
      SPDX_URI,
    ].join('\n');
    const result = await read(textInput(text));
    expectAccounts(result, [VECTORS.deno, VECTORS.spdx]);
    expect(result.problems).toEqual([
      { item: 'GitHub:octocat', what: 'line 3', reason: expect.stringContaining('not a base32 letter'), kind: 'skipped' },
      { item: '', what: 'line 5', reason: expect.stringContaining('web link'), kind: 'skipped' },
    ]);
    // A problem names the line and the account, never the secret.
    expect(JSON.stringify(result.problems)).not.toContain('ABC1DEFG');
  });

  it('says a Google Authenticator export line is one, by line number', async () => {
    const result = await read(textInput(`${DENO_URI}\notpauth-migration://offline?data=AAAA`));
    expect(result.items).toHaveLength(1);
    expect(result.problems).toEqual([{ item: '', what: 'line 2', reason: expect.stringContaining('Google Authenticator export'), kind: 'skipped' }]);
  });
});

describe('otpauthListImporter: detection and damaged files', () => {
  it('recognises plain.txt and no other fixture (not the Ente export, whose lines carry codeDisplay)', () => {
    expect(detectedFixtures(otpauthListImporter)).toEqual(['plain.txt']);
  });

  it('recognises a list from content alone, not from a name, and rejects noise, empty and mixed text', () => {
    expect(otpauthListImporter.detect(textInput(DENO_URI, 'whatever.bin'))).toBe(true);
    expect(otpauthListImporter.detect(textInput(`OTPAUTH://TOTP/Deno:Mason?secret=${VECTORS.deno.secret}`))).toBe(true);
    expect(otpauthListImporter.detect({ fileName: 'plain.txt', bytes: randomBytes(4096) })).toBe(false);
    expect(otpauthListImporter.detect(textInput(''))).toBe(false);
    expect(otpauthListImporter.detect(textInput('# only a comment\n\n'))).toBe(false);
    expect(otpauthListImporter.detect(textInput(`${DENO_URI}\nsome notes`))).toBe(false);
    expect(otpauthListImporter.detect(textInput('{"otpauth://totp/a": 1}'))).toBe(false);
  });

  it('refuses a file that is not UTF-8 text or holds no otpauth:// line with UNSUPPORTED_FORMAT', async () => {
    await expect(read({ fileName: 'noise.txt', bytes: randomBytes(512) })).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'not valid UTF-8'));
    await expect(read(editedInput(fixtureInput('plain.txt'), () => 'hello\nworld\n'))).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'none of its lines is an otpauth:// URI'),
    );
  });
});

describe('otpauthListImporter: templates', () => {
  it('gives a Microsoft account the Microsoft 365 / Entra template, as a scanned QR code gets, and others Login', async () => {
    const microsoft = 'otpauth://totp/Contoso:ola%40contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft';
    const result = await read(textInput(`${microsoft}\n${DENO_URI}\n`));
    expect(result.items.map(({ content }) => [content.title, content.template, content.username])).toEqual([
      ['Microsoft', 'microsoft365', 'ola@contoso.com'],
      ['Deno', 'login', 'Mason'],
    ]);
  });
});
