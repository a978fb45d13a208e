import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE, OPTION_TABLE } from '../../../src/main/cli/commandTable.js';
import { parseCommandLine } from '../../../src/main/cli/parseCommandLine.js';
import { UsageError } from '../../../src/main/cli/usageError.js';

function usageMessage(args: string[]): string {
  try {
    parseCommandLine(args);
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(UsageError);
    return (thrown as UsageError).message;
  }
  throw new Error(`${JSON.stringify(args)} parsed`);
}

describe('parseCommandLine', () => {
  it('accepts global options before or after the command', () => {
    for (const args of [
      ['--vault', 'v', '--json', 'code', 'git', '--at', '5'],
      ['code', 'git', '--at', '5', '--vault', 'v', '--json'],
      ['--json', 'code', '--vault=v', 'git', '--at=5'],
    ]) {
      const line = parseCommandLine(args);
      expect(line).toMatchObject({ kind: 'run', command: 'code', positionals: ['git'] });
      if (line.kind !== 'run') throw new Error('not run');
      expect(line.options).toMatchObject({ vault: 'v', json: true, at: '5' });
    }
  });

  it('collects repeated --tag options in order', () => {
    const line = parseCommandLine(['add', '--secret', 'x', '--tag', 'a', '--tag', 'b']);
    expect(line.kind === 'run' && line.options.tag).toEqual(['a', 'b']);
  });

  it('takes a query starting with a dash after --', () => {
    expect(parseCommandLine(['code', '--', '-weird-'])).toMatchObject({ positionals: ['-weird-'] });
  });

  it('reads help and version in every spelling', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseCommandLine(['-h', 'list'])).toEqual({ kind: 'help', topic: 'list' });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseCommandLine(['help', 'rm'])).toEqual({ kind: 'help', topic: 'rm' });
    expect(parseCommandLine(['rm', '--help'])).toEqual({ kind: 'help', topic: 'rm' });
    expect(parseCommandLine(['help', '--help'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses what it does not know, in one line', () => {
    expect(usageMessage([])).toBe('no command given');
    expect(usageMessage(['lst'])).toBe("unknown command 'lst'");
    expect(usageMessage(['list', '--all'])).toBe("unknown option '--all'");
    expect(usageMessage(['list', '-x'])).toBe("unknown option '-x'");
    expect(usageMessage(['list', '--json=yes'])).toBe("'--json' takes no value");
    expect(usageMessage(['code', '--at'])).toBe("'--at' needs a value");
    expect(usageMessage(['code', '--at', '-1'])).toBe("'--at' needs a value (write --at=-… for one that starts with a dash)");
    expect(usageMessage(['init', '--purge'])).toBe("'--purge' is not an option of 'init'");
    expect(usageMessage(['code', 'a', 'b'])).toBe("unexpected argument 'b': 'code' takes [QUERY]");
    expect(usageMessage(['passwd', 'x'])).toBe("'passwd' takes no arguments, but got 'x'");
    expect(usageMessage(['rm'])).toBe("'rm' needs QUERY");
    expect(usageMessage(['add', '--secret', 'a', '--secret', 'b'])).toBe("'--secret' is given more than once");
    expect(usageMessage(['help', 'nope'])).toBe("unknown command 'nope'");
    expect(usageMessage(['lst\u001b[2J'])).toBe("unknown command 'lst\\u{1b}[2J'");
  });

  it('takes one or more arguments where the last positional ends in "…" (scan IMAGE…)', () => {
    expect(parseCommandLine(['scan', 'a.png', 'b.jpg', 'c.webp'])).toMatchObject({ kind: 'run', command: 'scan', positionals: ['a.png', 'b.jpg', 'c.webp'] });
    expect(() => parseCommandLine(['scan'])).toThrow("'scan' needs IMAGE…");
  });

  it('offers every option a command declares, and only those', () => {
    for (const [command, spec] of Object.entries(COMMAND_TABLE)) {
      if (command === 'help') continue;
      for (const option of spec.options) {
        const args = [command, `--${option}`, ...(OPTION_TABLE[option].type === 'boolean' ? [] : ['1']), ...spec.positionals.filter((name) => !name.endsWith('?')).map(() => 'argument')];
        expect(parseCommandLine(args).kind, args.join(' ')).toBe('run');
      }
    }
  });
});
