import { describe, expect, it } from 'vitest';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { protonAuthenticatorImporter } from '../../../src/main/importers/protonAuthenticatorImporter.js';
import {
  VECTORS,
  detectedFixtures,
  editedInput,
  expectAccounts,
  expectPublishedCodes,
  fixtureInput,
  importedAccounts,
  randomBytes,
  skippedProblem,
} from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

async function read(input: ImportInput): Promise<ImportResult> {
  return protonAuthenticatorImporter.read(input);
}

function jsonInput(value: unknown): ImportInput {
  return { fileName: 'Proton Authenticator backup.json', bytes: new TextEncoder().encode(JSON.stringify(value)) };
}

function entry(content: object, note: string | null = null) {
  return { id: 'a19e0019-47e3-4d3b-af63-6dad0cb49e31', content, note };
}

describe('protonAuthenticatorImporter: proton_authenticator.json', () => {
  it('reads vectors 1–3 from content.uri, with the published codes', async () => {
    const input = fixtureInput('proton_authenticator.json');
    expect(protonAuthenticatorImporter.isEncrypted(input)).toBe(false);
    const result = await read(input);
    expect(result.format).toBe('proton-authenticator');
    expect(result.problems).toEqual([]);
    expectAccounts(result, [VECTORS.deno, VECTORS.spdx, VECTORS.airbnb]);
    expect(expectPublishedCodes(result)).toBe(3);
  });

  it('reads Steam entries, notes, and reports an entry it cannot use while importing the rest', async () => {
    const result = await read(
      jsonInput({
        version: 1,
        entries: [
          entry({ uri: `steam://${VECTORS.boeing.secret}`, entry_type: 'Steam', name: 'Sophia' }, 'main account'),
          entry({ uri: 'otpauth://totp/Broken:me?secret=0000', entry_type: 'Totp', name: 'me' }),
          entry({ entry_type: 'Totp', name: 'No URI' }),
        ],
      }),
    );
    expect(importedAccounts(result)).toEqual([{ ...VECTORS.boeing, issuer: 'Steam', labelIssuer: 'Steam' }]);
    expect(result.items[0]!.content).toMatchObject({ title: 'Steam', username: 'Sophia', notes: 'main account' });
    expect(result.problems).toEqual([skippedProblem('me', 'base32'), skippedProblem('No URI', 'empty')]);
  });
});

describe('protonAuthenticatorImporter: detection and damaged files', () => {
  it('recognises proton_authenticator.json and no other fixture', () => {
    expect(detectedFixtures(protonAuthenticatorImporter)).toEqual(['proton_authenticator.json']);
  });

  it('recognises content only, and rejects noise and look-alikes', () => {
    expect(protonAuthenticatorImporter.detect(jsonInput({ version: 1, entries: [] }))).toBe(true);
    expect(protonAuthenticatorImporter.detect({ fileName: 'proton_authenticator.json', bytes: randomBytes(2048) })).toBe(false);
    expect(protonAuthenticatorImporter.detect(jsonInput({ entries: [entry({ uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' })] }))).toBe(false);
    expect(protonAuthenticatorImporter.detect(jsonInput({ version: 1, entries: [{ content: {} }] }))).toBe(false);
  });

  it('refuses damaged JSON with UNSUPPORTED_FORMAT', async () => {
    await expect(read(editedInput(fixtureInput('proton_authenticator.json'), (text) => text.slice(0, -20)))).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'Proton Authenticator'),
    );
    await expect(read(jsonInput([1, 2]))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', '"entries"'));
  });
});
