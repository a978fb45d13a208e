/** Which importer reads which file, from its content alone, across every export in the shared fixtures. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, IMPORTER_FORMATS_COMPLETE, IMPORT_FORMATS, findImporter } from '../../../src/main/importers/index.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const MIGRATION = new URL('../../../../shared/fixtures/migration/', import.meta.url);

/** Each export the issue names, by path under fixtures/migration, with the format it must be read as. */
const DETECTED: Record<string, string> = {
  'enpass/pass-import_enpass6.json': 'enpass-json',
  'enpass/bitwarden_enpass-json_login.json': 'enpass-json',
  'enpass/bitwarden_enpass-json_folders.json': 'enpass-json',
  'enpass/enpass-escape_export.json': 'enpass-json',
  'enpass/proton-pass_enpass-mock_EXCERPT.json': 'enpass-json',
  'enpass/pass-import_enpass5.csv': 'enpass-csv',
  'enpass/enpass-escape_export.csv': 'enpass-csv',
  'others/aegis-testdata/aegis_plain.json': 'aegis',
  'others/aegis-testdata/aegis_encrypted.json': 'aegis',
  'others/aegis-testdata/aegis_plain_grouped_v2.json': 'aegis',
  'others/aegis-testdata/2fas_authenticator.json': 'twofas',
  'others/aegis-testdata/2fas_authenticator_plain.2fas': 'twofas',
  'others/aegis-testdata/2fas_authenticator_encrypted_v4.2fas': 'twofas',
  'others/aegis-testdata/andotp_plain.json': 'andotp',
  'others/aegis-testdata/andotp_encrypted.bin': 'andotp',
  'others/aegis-testdata/authy_plain.xml': 'authy',
  'others/aegis-testdata/authy_encrypted.xml': 'authy',
  'others/aegis-testdata/bitwarden.json': 'bitwarden-json',
  'others/keepassxc/bitwarden_export.json': 'bitwarden-json',
  'others/aegis-testdata/bitwarden.csv': 'bitwarden-csv',
  'others/aegis-testdata/ente_auth.txt': 'ente-auth',
  'others/aegis-testdata/proton_authenticator.json': 'proton-authenticator',
  'others/aegis-testdata/proton_pass.zip': 'proton-pass',
  'others/keepassxc/protonpass_export.json': 'proton-pass',
  'others/aegis-testdata/plain.txt': 'otpauth-list',
  'others/google-authenticator/example_export.txt': 'google-authenticator',
  'others/google-authenticator/test_plus_problem_export.txt': 'google-authenticator',
};

const input = (path: string) => ({ fileName: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(new URL(path, MIGRATION))) });

describe('findImporter', () => {
  it('has one importer for every format', () => {
    expect(IMPORTER_FORMATS_COMPLETE).toBe(true);
    expect(IMPORTERS.map((importer) => importer.format).sort()).toEqual([...IMPORT_FORMATS].sort());
  });

  it.each(Object.entries(DETECTED))('reads %s as %s, and no other importer claims it', (path, format) => {
    expect(findImporter(input(path)).format).toBe(format);
    expect(IMPORTERS.filter((importer) => importer.detect(input(path))).map((importer) => importer.format)).toEqual([format]);
  });

  it('refuses a file of no known format, naming what it can read', () => {
    expect(() => findImporter({ fileName: 'notes.txt', bytes: new TextEncoder().encode('Shopping: milk, eggs\n') })).toThrow(
      vaultErrorLike('UNSUPPORTED_FORMAT', /^notes\.txt is not an export TOTP Vault can read\. It reads Enpass \(vault\), .*Proton Pass, Aegis, /),
    );
  });

  it('reads an Enpass vault (vault.enpassdb) as enpass-vault only with its vault.json, or by its name', () => {
    const vault = (fileName: string, companions?: ReadonlyMap<string, Uint8Array>) => ({ ...input('enpass/real-vault/vault.enpassdb'), fileName, companions });
    const withInfo = new Map([['vault.json', new Uint8Array(readFileSync(new URL('enpass/real-vault/vault.json', MIGRATION)))]]);
    expect(IMPORTERS.filter((importer) => importer.detect(vault('copy.bin', withInfo))).map((importer) => importer.format)).toEqual(['enpass-vault']);
    expect(IMPORTERS.filter((importer) => importer.detect(vault('vault.enpassdb'))).map((importer) => importer.format)).toEqual(['enpass-vault']);
    expect(() => findImporter(vault('copy.bin'))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', /^copy\.bin is not an export/));
  });

  it('uses the importer the user names even where detection cannot tell, and refuses an unknown name', () => {
    expect(findImporter(input('others/aegis-testdata/andotp_encrypted_old.bin'), 'andotp').format).toBe('andotp');
    expect(() => findImporter(input('others/aegis-testdata/plain.txt'), 'lastpass')).toThrow(vaultErrorLike('INVALID_INPUT', /Unknown import format "lastpass"/));
  });
});
