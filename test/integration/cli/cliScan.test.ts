/**
 * `totp-vault scan` on real image files of every supported type, drawn with real QR codes, decoded by the
 * real decoders, saved into a real vault: what is found, what is added, what is refused and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_FILE_TYPES, encodeImage, encodePng } from '../../support/imageFiles.js';
import { type DrawnCode, screenFrame } from '../../support/qrFrames.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';
import { FAST_KDF, cliSuite, expectFailure, expectStatus, lines } from './cliProcess.js';

const PASSWORD = 'correct horse battery staple';
const ENTRA_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ENTRA_URI = `otpauth://totp/Contoso:alice%40contoso.com?secret=${ENTRA_SECRET}&issuer=Microsoft`;
const GITHUB_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const GITHUB_URI = `otpauth://totp/GitHub:bob?secret=${GITHUB_SECRET}&issuer=GitHub`;
const PUSH_URI = 'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate%3FregionId%3D1';
const GOOGLE = new URL('../../../../shared/fixtures/migration/others/google-authenticator/', import.meta.url);
const AT = 1_700_000_000;

const { folder, run, transcript } = cliSuite();
const vault = () => join(folder(), 'scan.totpvault');

/** A 1280×800 screen with the given texts as codes, side by side, saved as a PNG (or `type`). */
async function screenshot(name: string, texts: readonly string[], type: (typeof IMAGE_FILE_TYPES)[number] = 'PNG'): Promise<string> {
  const codes: DrawnCode[] = texts.map((text, index) => ({ text, x: 40 + index * 420, y: 120, modulePixels: 4 }));
  const bytes = await encodeImage(screenFrame({ width: 1280, height: 800, codes, clutter: true }), type);
  const path = join(folder(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('totp-vault scan', () => {
  it.each(IMAGE_FILE_TYPES)('reads a Microsoft Entra code from a %s screenshot (--dry-run --json, no password asked)', async (type) => {
    const image = await screenshot(`entra.${type.toLowerCase()}`, [ENTRA_URI], type);
    const result = await run(['--vault', vault(), 'scan', image, '--dry-run', '--json']);
    expectStatus(result, 0);
    expect(JSON.parse(result.stdout)).toEqual([{ kind: 'totp', issuer: 'Microsoft', account: 'alice@contoso.com', type: 'totp' }]);
  });

  it('adds every account of every image in one go, with the Microsoft 365 template and working codes', async () => {
    expectStatus(await run(['--vault', vault(), 'init', ...FAST_KDF], { input: lines(PASSWORD) }), 0);
    const both = await screenshot('two-codes.png', [ENTRA_URI, GITHUB_URI]);
    const result = await run(['--vault', vault(), 'scan', both], { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toContain('two-codes.png: TOTP Microsoft (alice@contoso.com)');
    expect(result.stdout).toContain('two-codes.png: TOTP GitHub (bob)');
    expect(result.stdout).toMatch(/Added 2 items: "Microsoft" \([0-9a-f]{8}\), "GitHub" \([0-9a-f]{8}\)\./);

    const codes = await run(['--vault', vault(), 'code', '--json', '--at', String(AT)], { input: lines(PASSWORD) });
    const byIssuer = Object.fromEntries((JSON.parse(codes.stdout) as { issuer: string; code: string }[]).map((entry) => [entry.issuer, entry.code]));
    expect(byIssuer).toEqual({ Microsoft: totp(decodeBase32(ENTRA_SECRET), AT), GitHub: totp(decodeBase32(GITHUB_SECRET), AT) });
  });

  it('does not add an account the vault already holds, and says so', async () => {
    const again = await screenshot('entra-again.png', [ENTRA_URI]);
    const result = await run(['--vault', vault(), 'scan', again], { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toContain('Already in the vault, not added again: Microsoft (alice@contoso.com).');
    const list = await run(['--vault', vault(), 'list', '--json'], { input: lines(PASSWORD) });
    expect(JSON.parse(list.stdout)).toHaveLength(2);
  });

  it('reads Google Authenticator exports (otpauth-migration) from QR images, as the fixtures expect', async () => {
    const text = readFileSync(new URL('example_export.txt', GOOGLE), 'utf8');
    const uris = text.split('\n').filter((line) => line.startsWith('otpauth-migration://'));
    const images = await Promise.all(uris.map((uri, index) => screenshot(`google-${index}.png`, [uri])));
    const result = await run(['--vault', vault(), 'scan', ...images, '--dry-run', '--json']);
    expectStatus(result, 0);
    const expected = JSON.parse(readFileSync(new URL('example_output.expected.json', GOOGLE), 'utf8')) as { name: string; issuer: string; type: string }[];
    // As for the otpauth URI the exporter prints beside it, a name "Issuer: account" without an issuer is split.
    const split = ({ name, issuer }: { name: string; issuer: string }) =>
      issuer === '' && name.includes(':') ? { issuer: name.slice(0, name.indexOf(':')).trim(), account: name.slice(name.indexOf(':') + 1).trim() } : { issuer, account: name };
    expect(JSON.parse(result.stdout)).toEqual(expected.map((entry) => ({ kind: 'migration', ...split(entry), type: entry.type })));
  });

  it('explains a Microsoft push sign-up code, exits 65 and asks for no password', async () => {
    const image = await screenshot('push.png', [PUSH_URI]);
    expectFailure(await run(['--vault', vault(), 'scan', image]), 65, /push\.png: This is a Microsoft Authenticator push sign-up code; it holds no secret\..*Can't scan image\?/);
  });

  it('says what a web link is, without echoing it whole, and still adds the accounts of the other images', async () => {
    const link = await screenshot('link.png', ['https://example.com/private/path?token=abc']);
    const steam = await screenshot('steam.png', ['otpauth://totp/Steam:gabe?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam&encoder=steam']);
    const result = await run(['--vault', vault(), 'scan', link, steam], { input: lines(PASSWORD) });
    expectStatus(result, 65);
    expect(result.stderr).toMatch(/^totp-vault: \S*link\.png: This QR code is a web link \(https:\/\/example\.com…\), not a one-time-code account\.\n$/);
    expect(result.stderr).not.toContain('token=abc');
    expect(result.stdout).toMatch(/steam\.png: Steam Guard Steam \(gabe\)\nAdded 1 item: "Steam"/);
  });

  it('refuses a screen without a code, a damaged image, a file that is no image and a missing file, in one line each', async () => {
    const empty = join(folder(), 'empty.png');
    writeFileSync(empty, encodePng(screenFrame({ width: 640, height: 400, codes: [], clutter: true })));
    expectFailure(await run(['--vault', vault(), 'scan', empty, '--dry-run']), 65, /^totp-vault: \S*empty\.png: No QR code was found\./);

    const damaged = join(folder(), 'damaged.png');
    writeFileSync(damaged, readFileSync(await screenshot('whole.png', [ENTRA_URI])).subarray(0, 400));
    expectFailure(await run(['--vault', vault(), 'scan', damaged, '--dry-run']), 65, /The PNG image is damaged or incomplete/);

    const notImage = join(folder(), 'notes.png');
    writeFileSync(notImage, 'just some text\n');
    expectFailure(await run(['--vault', vault(), 'scan', notImage, '--dry-run']), 65, /not an image we can read: use PNG, JPEG, WebP, GIF or BMP/);

    expectFailure(await run(['--vault', vault(), 'scan', join(folder(), 'missing.png'), '--dry-run']), 74, /there is no such file/);
  });

  it('needs at least one image', async () => {
    expectFailure(await run(['--vault', vault(), 'scan']), 64, /'scan' needs IMAGE…/);
  });

  it('never prints a secret or the password', () => {
    const printed = transcript.map((result) => result.stdout + result.stderr).join('\n');
    for (const secret of [ENTRA_SECRET, GITHUB_SECRET, 'JRZCL47CMXVOQMNPZR2F7J4RGI', '7KSQL2JTUDIS5EF65KLMRQIIGY', PASSWORD]) {
      expect(printed).not.toContain(secret);
    }
  });
});
