import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PromptInterrupted } from '../../../src/main/cli/promptInterrupted.js';
import { readNewPassword } from '../../../src/main/cli/readNewPassword.js';
import { readPassword } from '../../../src/main/cli/readPassword.js';
import { createSecretReader } from '../../../src/main/cli/secretReader.js';
import { StdinLines } from '../../../src/main/cli/stdinLines.js';
import { VaultError } from '../../../src/shared/errors.js';

/** A stand-in for a terminal's stdin: records raw mode and lets a test type keys. */
class FakeTerminal extends PassThrough {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
}

function output(): { write: (text: string) => void; text: () => string } {
  let written = '';
  return { write: (text) => void (written += text), text: () => written };
}

describe('StdinLines', () => {
  it('gives one line at a time, dropping "\\n" or "\\r\\n" and nothing else', async () => {
    const input = new PassThrough();
    const lines = new StdinLines(input);
    input.end(' spaced password \r\nsecond\n\nlast without newline');
    expect(await lines.next()).toBe(' spaced password ');
    expect(await lines.next()).toBe('second');
    expect(await lines.next()).toBe('');
    expect(await lines.next()).toBe('last without newline');
    expect(await lines.next()).toBeNull();
  });

  it('waits for a line split over several chunks, multi-byte characters included', async () => {
    const input = new PassThrough();
    const lines = new StdinLines(input);
    const bytes = Buffer.from('pässwörd\n');
    const line = lines.next();
    input.write(bytes.subarray(0, 2));
    input.write(bytes.subarray(2, 6));
    input.write(bytes.subarray(6));
    expect(await line).toBe('pässwörd');
  });

  it('refuses an endless line', async () => {
    const input = new PassThrough();
    const lines = new StdinLines(input);
    input.write(Buffer.alloc(70 * 1024, 0x61));
    await expect(lines.next()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('readPassword at a terminal', () => {
  it('echoes nothing, edits with Backspace and Ctrl+U, ignores arrow keys, and restores the terminal', async () => {
    const terminal = new FakeTerminal();
    const prompt = output();
    const password = readPassword(terminal, prompt, 'Master password: ');
    terminal.write('wrong');
    terminal.write('\u0015');
    terminal.write('sec');
    terminal.write('\u001b[D');
    terminal.write('rett\u007f');
    terminal.write(' ü\r');
    expect(await password).toBe('secret ü');
    expect(prompt.text()).toBe('Master password: \n');
    expect(terminal.rawModes).toEqual([true, false]);
  });

  it('cancels on Ctrl+C', async () => {
    const terminal = new FakeTerminal();
    const password = readPassword(terminal, output(), 'Master password: ');
    terminal.write('half\u0003');
    await expect(password).rejects.toBeInstanceOf(PromptInterrupted);
    expect(terminal.rawModes).toEqual([true, false]);
  });

  it('submits on Ctrl+D after some input, and ends input on an empty prompt', async () => {
    const terminal = new FakeTerminal();
    const typed = readPassword(terminal, output(), '> ');
    terminal.write('abc\u0004');
    expect(await typed).toBe('abc');
    const empty = readPassword(terminal, output(), '> ');
    terminal.write('\u0004');
    await expect(empty).rejects.toBeInstanceOf(VaultError);
  });
});

describe('readNewPassword', () => {
  it('asks twice at a terminal and refuses a mismatch', async () => {
    const terminal = new FakeTerminal();
    const stderr = output();
    const reader = createSecretReader({ stdin: terminal, stderr });
    const answer = readNewPassword(reader);
    terminal.write('first one\r');
    await new Promise((resolve) => setImmediate(resolve));
    terminal.write('second one\r');
    await expect(answer).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'The two passwords do not match. Nothing was changed.' });
    expect(stderr.text()).toBe('New master password: \nRepeat the new master password: \n');
  });

  it('reads one line from a pipe', async () => {
    const input = new PassThrough();
    input.end('piped password\n');
    expect(await readNewPassword(createSecretReader({ stdin: input, stderr: output() }))).toBe('piped password');
  });
});
