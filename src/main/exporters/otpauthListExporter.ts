import { formatOtpauthUri } from '../otp/index.js';
import { countItems, exportedAccounts } from './exportedAccounts.js';
import type { Exporter } from './exportTypes.js';

/**
 * A text file of canonical otpauth:// URIs (Google Key Uri Format), one per OTP field of every item not in
 * the trash: what nearly every authenticator app and password manager can import, and what a QR code holds.
 * Only the accounts: titles, passwords, notes and tags do not fit in a URI.
 */
export const otpauthListExporter: Exporter = {
  format: 'otpauth',
  label: 'otpauth:// list',
  encrypted: false,
  keeps: 'the one-time-code accounts of the items not in the trash, one otpauth:// URI per line',
  write(source) {
    const accounts = exportedAccounts(source.items);
    const text = accounts.map(({ parameters }) => `${formatOtpauthUri(parameters)}\n`).join('');
    return Promise.resolve({ bytes: new TextEncoder().encode(text), items: countItems(accounts), codes: accounts.length });
  },
};
