import { VaultError } from '../../../shared/errors.js';
import { type OtpParameters, otpItemContent, parseOtpInput } from '../../otp/index.js';
import { currentMillis } from '../currentMillis.js';
import { groupCode } from '../../../shared/groupCode.js';
import type { Invocation } from '../invocation.js';
import { toListEntry } from '../listEntry.js';
import type { OptionValues } from '../parseCommandLine.js';
import { printJson } from '../printJson.js';
import { shortId } from '../shortId.js';
import { UsageError } from '../usageError.js';
import { assertVaultExists, unlockVault } from '../withUnlockedVault.js';

/** Options that describe a bare secret; an otpauth URI carries its own. */
const SECRET_SETTINGS = ['issuer', 'account', 'algorithm', 'digits', 'period', 'type', 'counter'] as const;

/** "-" asks for the value instead: command-line arguments are visible to every user of the machine (`ps`). */
const READ_FROM_INPUT = '-';

/**
 * `totp-vault add`: one new item with one OTP field. The input is checked before the password is asked
 * for, so a mistyped secret costs no key derivation; the secret itself is never printed.
 */
export async function addCommand(invocation: Invocation): Promise<void> {
  const { context, options, secrets } = invocation;
  const source = readSource(options);
  assertVaultExists(invocation.vaultPath);
  let parameters = source.text === READ_FROM_INPUT ? undefined : readParameters(source.text, options);
  const vault = await unlockVault(invocation, 'Master password');
  try {
    parameters ??= readParameters(await secrets.read(source.kind === 'uri' ? 'otpauth URI' : 'Secret'), options);
    const item = vault.createItem(
      otpItemContent(parameters, { title: resolveTitle(options.title, parameters), username: options.username, tags: options.tag, favorite: options.favorite }),
    );
    const entry = vault.codes(currentMillis(vault, context)).find((candidate) => candidate.itemId === item.id);
    if (!entry) throw new VaultError('INTERNAL', 'The new item was saved but cannot be shown.');
    // An HOTP code is used up once shown, so adding one shows none; `code` hands it out and advances the counter.
    const current = entry.current;
    if (options.json) {
      printJson(context.stdout, { ...toListEntry(entry), code: current?.code ?? null, remaining: current?.remaining ?? null });
      return;
    }
    const added = `Added "${item.title}" (${shortId(item.id)}).`;
    context.stdout.write(
      current
        ? `${added} Current code: ${groupCode(current.code)} (${current.remaining} s left).\n`
        : `${added} It is counter-based (HOTP): \`totp-vault code ${shortId(item.id)}\` gives the next code.\n`,
    );
  } finally {
    vault.lock();
  }
}

function readSource(options: OptionValues): { kind: 'uri' | 'secret'; text: string } {
  if (options.uri !== undefined && options.secret !== undefined) {
    throw new UsageError('give either --uri or --secret, not both');
  }
  if (options.uri !== undefined) {
    const misplaced = SECRET_SETTINGS.find((name) => options[name] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} goes with --secret; an otpauth URI carries its own`);
    return { kind: 'uri', text: options.uri };
  }
  if (options.secret !== undefined) return { kind: 'secret', text: options.secret };
  throw new UsageError('add needs --uri URI or --secret SECRET');
}

function readParameters(text: string, options: OptionValues): OtpParameters {
  return parseOtpInput(text, {
    type: options.type,
    issuer: options.issuer,
    account: options.account,
    algorithm: options.algorithm,
    digits: options.digits,
    period: options.period,
    counter: options.counter,
  });
}

function resolveTitle(title: string | undefined, parameters: OtpParameters): string {
  const resolved = [title, parameters.issuer, parameters.account].map((candidate) => candidate?.trim() ?? '').find((candidate) => candidate !== '');
  if (resolved === undefined) {
    throw new VaultError('INVALID_INPUT', 'The item needs a name: give --title (there is no issuer or account to name it after).');
  }
  return resolved;
}
