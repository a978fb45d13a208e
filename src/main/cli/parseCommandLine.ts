import { parseArgs } from 'node:util';
import { COMMAND_TABLE, GLOBAL_OPTIONS, OPTION_TABLE, type CommandName, type OptionName, isCommandName } from './commandTable.js';
import { quoteArgument } from './quoteArgument.js';
import { UsageError } from './usageError.js';

export type OptionValues = ReturnType<typeof parseStrictly>['values'];

export type CommandLine =
  | { readonly kind: 'help'; readonly topic: CommandName | undefined }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run';
      readonly command: Exclude<CommandName, 'help'>;
      readonly positionals: readonly string[];
      readonly options: OptionValues;
    };

/** Reads `totp-vault [global options] COMMAND [arguments and options]`; throws UsageError for anything it does not know. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  const { values, positionals, tokens } = parseStrictly(args);
  const [name, ...rest] = positionals;
  if (name !== undefined && !isCommandName(name)) {
    throw new UsageError(`unknown command ${quoteArgument(name)}`);
  }
  if (values.help) return { kind: 'help', topic: name === 'help' ? helpTopic(rest) : name };
  if (values.version) return { kind: 'version' };
  if (name === undefined) throw new UsageError('no command given');
  if (name === 'help') {
    assertOptionsBelong(name, tokens);
    return { kind: 'help', topic: helpTopic(rest) };
  }
  assertOptionsBelong(name, tokens);
  assertPositionalCount(name, rest);
  return { kind: 'run', command: name, positionals: rest, options: values };
}

function parseStrictly(args: readonly string[]) {
  try {
    // allowNegative gives every boolean its `--no-` form; `ui --no-open` is the one that needs it.
    return parseArgs({ args: [...args], options: OPTION_TABLE, strict: true, allowPositionals: true, allowNegative: true, tokens: true });
  } catch (thrown) {
    throw new UsageError(describeParseFailure(thrown));
  }
}

type Token = ReturnType<typeof parseStrictly>['tokens'][number];

function assertOptionsBelong(command: CommandName, tokens: readonly Token[]): void {
  const allowed = new Set<string>([...GLOBAL_OPTIONS, ...COMMAND_TABLE[command].options]);
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!allowed.has(token.name)) {
      throw new UsageError(`${quoteArgument(token.rawName)} is not an option of ${quoteArgument(command)}`);
    }
    // Only --tag may repeat; a second --title would otherwise silently win.
    const option = OPTION_TABLE[token.name as OptionName];
    if (!('multiple' in option) && seen.has(token.name)) {
      throw new UsageError(`${quoteArgument(`--${token.name}`)} is given more than once`);
    }
    seen.add(token.name);
  }
}

function assertPositionalCount(command: CommandName, given: readonly string[]): void {
  const names: readonly string[] = COMMAND_TABLE[command].positionals;
  const required = names.filter((name) => !name.endsWith('?'));
  if (given.length < required.length) {
    throw new UsageError(`${quoteArgument(command)} needs ${required.map(describePositional).join(' ')}`);
  }
  if (names.at(-1)?.endsWith('…')) return;
  if (given.length > names.length) {
    const extra = given[names.length] ?? '';
    throw new UsageError(
      names.length === 0
        ? `${quoteArgument(command)} takes no arguments, but got ${quoteArgument(extra)}`
        : `unexpected argument ${quoteArgument(extra)}: ${quoteArgument(command)} takes ${names.map(describePositional).join(' ')}`,
    );
  }
}

/** `QUERY?` → `[QUERY]`, as synopses write an optional argument; a last name ending in `…` takes one or more. */
function describePositional(name: string): string {
  return name.endsWith('?') ? `[${name.slice(0, -1)}]` : name;
}

function helpTopic(rest: readonly string[]): CommandName | undefined {
  const [topic, extra] = rest;
  if (extra !== undefined) throw new UsageError(`unexpected argument ${quoteArgument(extra)} after 'help ${topic ?? ''}'`);
  if (topic === undefined) return undefined;
  if (!isCommandName(topic)) throw new UsageError(`unknown command ${quoteArgument(topic)}`);
  return topic;
}

/** parseArgs explains itself in several lines and in terms of its own API; say it in one line, in ours. */
function describeParseFailure(thrown: unknown): string {
  const code = (thrown as { code?: unknown }).code;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoteArgument(option)}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${quoteArgument(option)} takes no value`;
    if (/ambiguous/.test(message)) return `${quoteArgument(option)} needs a value (write ${option}=-… for one that starts with a dash)`;
    return `${quoteArgument(option)} needs a value`;
  }
  return message.split('\n')[0] ?? 'the command line could not be read';
}

