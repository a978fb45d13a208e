import { VaultError, isVaultError, type ErrorInfo } from '../../../shared/errors.js';
import { type OtpParameters, describeOtpAccount, otpItemContent } from '../../otp/index.js';
import { type QrMeaning, type ScanCollection, type ScanSummary, classifyQrText, collectScannedAccounts, decodeImage, findQrCodes, toScanSummary } from '../../qr/index.js';
import type { Invocation } from '../invocation.js';
import { printJson } from '../printJson.js';
import { readInputFile } from '../readInputFile.js';
import { plural } from '../plural.js';
import { shortId } from '../shortId.js';
import { withUnlockedVault } from '../withUnlockedVault.js';

const TYPE_NAMES: Record<OtpParameters['type'], string> = { totp: 'TOTP', hotp: 'HOTP (counter)', steam: 'Steam Guard' };

/**
 * `totp-vault scan IMAGE…`: reads every QR code in every image and adds the accounts they hold, each once,
 * in one transaction. The images are read before the master password is asked for, so a file without a
 * usable code costs no key derivation. Pixels stay in memory; secrets are never printed.
 */
export async function scanCommand(invocation: Invocation): Promise<void> {
  const { context, options, positionals } = invocation;
  const sources: { source: string; meanings: QrMeaning[] }[] = [];
  const readErrors: { source: string; error: ErrorInfo }[] = [];
  for (const image of positionals) {
    try {
      const codes = await findQrCodes(await decodeImage(await readInputFile(image, 'the image')));
      sources.push({ source: image, meanings: codes.map((code) => classifyQrText(code.text)) });
    } catch (thrown) {
      if (!isVaultError(thrown)) throw thrown;
      readErrors.push({ source: image, error: { code: thrown.code, message: thrown.message } });
    }
  }
  const collection = collectScannedAccounts(sources);
  const unusable = [...readErrors, ...collection.unusable].sort((first, second) => positionals.indexOf(first.source) - positionals.indexOf(second.source));
  const summaries: ScanSummary[] = sources.flatMap(({ meanings }) => meanings.flatMap(toScanSummary));

  const report: string[] = [];
  let added: { title: string; id: string }[] = [];
  let duplicates: OtpParameters[] = [];
  if (collection.accounts.length > 0 && !options['dry-run']) {
    ({ added, duplicates } = await withUnlockedVault(invocation, (vault) => {
      const fresh = collection.accounts.filter(({ parameters }) => vault.duplicatesOf(parameters).length === 0);
      const items = vault.createItems(fresh.map(({ parameters }) => otpItemContent(parameters)));
      return {
        added: items.map((item) => ({ title: item.title, id: item.id })),
        duplicates: collection.accounts.filter((account) => !fresh.includes(account)).map(({ parameters }) => parameters),
      };
    }));
  }

  if (options.json) {
    printJson(context.stdout, summaries);
  } else {
    for (const { parameters, source } of collection.accounts) report.push(`${source}: ${TYPE_NAMES[parameters.type]} ${describeOtpAccount(parameters)}`);
    report.push(...describeOutcome(collection, options['dry-run'] === true, added, duplicates));
    if (report.length > 0) context.stdout.write(`${report.join('\n')}\n`);
  }
  for (const { batchId, missing, size } of collection.migrations) {
    if (missing.length > 0) {
      context.stderr.write(
        `totp-vault: a Google Authenticator export (batch ${batchId}) is split over ${size} QR codes; ${size - missing.length} of ${size} were scanned, ${listParts(missing)} still missing: scan ${missing.length === 1 ? 'it' : 'them'} too.\n`,
      );
    }
  }
  for (const { source, name, reason } of collection.skipped) context.stderr.write(`totp-vault: ${source}: ${name} was not added: ${reason}\n`);
  if (unusable.length > 0) throw unusableImages(unusable, positionals.length);
}

function describeOutcome(collection: ScanCollection, dryRun: boolean, added: readonly { title: string; id: string }[], duplicates: readonly OtpParameters[]): string[] {
  const count = collection.accounts.length;
  if (count === 0) return [];
  if (dryRun) return [`Found ${plural(count, 'account')}; nothing was added (--dry-run).`];
  const lines: string[] = [];
  if (added.length > 0) lines.push(`Added ${plural(added.length, 'item')}: ${added.map(({ title, id }) => `"${title}" (${shortId(id)})`).join(', ')}.`);
  if (duplicates.length > 0) lines.push(`Already in the vault, not added again: ${duplicates.map(describeOtpAccount).join(', ')}.`);
  return lines;
}

/** One error for every image without a usable code: the message for one, a short list for several. */
function unusableImages(unusable: readonly { source: string; error: ErrorInfo }[], total: number): VaultError {
  const [first] = unusable;
  if (unusable.length === 1 && first) return new VaultError(first.error.code, `${first.source}: ${first.error.message}`);
  const code = unusable.every(({ error }) => error.code === first?.error.code) && first ? first.error.code : 'QR_NOT_FOUND';
  return new VaultError(code, `${unusable.length} of ${total} images hold no usable code: ${unusable.map(({ source, error }) => `${source}: ${error.message}`).join(' ')}`);
}

function listParts(parts: readonly number[]): string {
  const numbers = parts.map(String);
  const last = numbers.pop();
  return numbers.length === 0 ? `part ${last} is` : `parts ${numbers.join(', ')} and ${last} are`;
}
