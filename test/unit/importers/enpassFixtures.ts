/**
 * What the Enpass importer tests share: the fixture files of /work/shared (beside the repository), the
 * pass-import reference entries both of its exports must give, and ways to compare items without their ids.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { expect } from 'vitest';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { parseOtpauthUri } from '../../../src/main/otp/index.js';
import type { ItemContent } from '../../../src/shared/item.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';

export const ENPASS = new URL('../../../../shared/fixtures/migration/enpass/', import.meta.url);
const MIGRATION = new URL('../', ENPASS);

export function fixture(name: string): ImportInput {
  return { fileName: name, bytes: readFileSync(new URL(name, ENPASS)) };
}

export function textInput(text: string, fileName = 'export.txt'): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

/** Every fixture file of every app (Enpass's real vault folder excepted), by its path under migration/. */
export function allFixtures(): { readonly path: string; readonly input: ImportInput }[] {
  const files: { path: string; input: ImportInput }[] = [];
  const walk = (folder: URL, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const url = new URL(name, folder);
      if (statSync(url).isDirectory()) {
        if (name !== 'real-vault') walk(new URL(`${name}/`, folder), `${prefix}${name}/`);
      } else if (!name.endsWith('.md')) {
        files.push({ path: `${prefix}${name}`, input: { fileName: name, bytes: readFileSync(url) } });
      }
    }
  };
  walk(MIGRATION, '');
  return files;
}

/** The result, synchronous here (no Enpass export is encrypted). */
export function readNow(result: ImportResult | Promise<ImportResult>): ImportResult {
  if (result instanceof Promise) throw new Error('expected a synchronous result');
  return result;
}

/** Content with the generated ids replaced, so whole items can be compared. */
export function withoutIds(content: ItemContent) {
  return {
    ...content,
    otp: content.otp.map(({ label, uri }) => ({ label, uri })),
    customFields: content.customFields.map(({ label, value, sensitive }) => ({ label, value, sensitive })),
  };
}

/** A Login item as emptyItemContent makes it, with the generated ids left out (see withoutIds). */
export function expectedContent(fields: Partial<ReturnType<typeof withoutIds>>): ReturnType<typeof withoutIds> {
  return {
    template: 'login',
    title: '',
    username: '',
    email: '',
    password: '',
    websites: [],
    phone: '',
    otp: [],
    securityQuestion: '',
    securityAnswer: '',
    notes: '',
    customFields: [],
    tags: [],
    favorite: false,
    ...fields,
  };
}

/** The TOTP codes an OTP field's URI gives at `times`, computed by the independent RFC 6238 implementation. */
export function codesOf(uri: string, times: readonly number[]): string[] {
  const parameters = parseOtpauthUri(uri);
  const options = { digits: parameters.digits, period: parameters.period, algorithm: parameters.algorithm.toLowerCase() };
  return times.map((time) => totp(decodeBase32(parameters.secret), time, options));
}

/** Checks the parts of an OTP field's URI that a test cares about. */
export function expectAccount(uri: string, expected: Partial<ReturnType<typeof parseOtpauthUri>>): void {
  expect(parseOtpauthUri(uri)).toEqual(expect.objectContaining(expected));
}

/**
 * pass-import's reference entries (tests/assets/references/main.yml) as both Enpass files of that project
 * hold them, in the CSV's order; `tag` is the folder, which only the JSON export has.
 */
export const PASS_IMPORT_ENTRIES = [
  { title: 'mastodon.social', username: 'ostqxi', password: "D<INNeT?#?Bf4%`zA/4i!/'$T", websites: ['https://mastodon.social/'], notes: '', tag: 'Social' },
  { title: 'twitter.com', username: 'ostqxi', password: 'SoNEwvU,kJ%-cIKJ9[c#S;]jB', websites: ['https://twitter.com/'], notes: '', tag: 'Social' },
  { title: 'https://news.ycombinator.com', username: 'ostqxi', password: "1)Btf2EI~Tfb7g2A!Sy',*Sj#", websites: ['https://news.ycombinator.com'], notes: '', tag: 'Social' },
  { title: 'ovh.com', username: 'jsdkyvbwjn', password: '^Vr/|o>_H8X%T]7>f}7|:U!Zs', websites: ['https://www.ovh.com/manager/web/'], notes: '', tag: 'Servers' },
  { title: 'ovh.com', username: 'bynbyjhqjz', password: "3Z-VW!i,j(&!zRGPu(hFe]s'(", websites: ['https://www.ovh.com/manager/web/'], notes: '', tag: 'Servers' },
  { title: 'aib', username: 'dpbx@fner.ws', password: "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14", websites: ['https://onlinebanking.aib.ie'], notes: '', tag: 'Bank' },
  { title: 'dpbx@afoqwdr.tx', username: 'dpbx', password: '9KVHnx:.S_S;cF`=CE@e\\p{v6', websites: ['https://afoqwdr.tx'], notes: '', tag: 'Emails' },
  { title: 'dpbx@klivak.xb', username: 'dpbx', password: '2cUqe}e9}>IVZf)Ye>3C8ZN,r', websites: [], notes: 'This is a garbage address', tag: 'Emails' },
  { title: 'dpbx@mnyfymt.ws', username: 'dpbx', password: 'rPCkmNkhIa>{izt3C3F823!Go', websites: ['https://mail.mnyfymt.ws'], notes: '', tag: 'Emails/WS' },
  { title: 'dpbx@fner.ws', username: 'dpbx', password: "mt}h'hSUCY;SU;;A!l[8y3O:8", websites: [], notes: 'For financial purpose only!', tag: 'Emails/WS' },
  { title: 'space title', username: 'vkeelpbu', password: ']stDKo{%pk', websites: ['https://nhysdo.wg'], notes: '', tag: 'CornerCases' },
  { title: 'empty entry', username: '', password: '', websites: [], notes: '', tag: 'CornerCases' },
  { title: 'empty password', username: 'vkeelpbu', password: '', websites: ['https://nhysdo.wg'], notes: '', tag: 'CornerCases' },
  {
    title: 'note',
    username: '',
    password: '',
    websites: [],
    notes: 'This is a multiline note entry. Cube shank petroleum guacamole dart mower\nacutely slashing upper cringing lunchbox tapioca wrongful unbeaten sift.',
    tag: 'CornerCases',
  },
] as const;

/** The one extra field of the reference entries. */
export const PASS_IMPORT_PIN = { title: 'aib', label: 'pin', value: '462916' } as const;
