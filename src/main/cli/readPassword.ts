import { StringDecoder } from 'node:string_decoder';
import { VaultError } from '../../shared/errors.js';
import type { CliInput, CliOutput } from './cliContext.js';
import { PromptInterrupted } from './promptInterrupted.js';

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = new Set(['\u007f', '\b']);
const ESCAPE = '\u001b';

/**
 * Asks for a password on a terminal without echoing it. Raw mode hands us every key, so the line editing
 * the terminal would do is done here: Backspace, Ctrl+U (clear), Enter; Ctrl+C cancels (exit 130);
 * Ctrl+D submits what was typed, or ends input on an empty line. Arrow and other escape-sequence keys are
 * ignored. The prompt goes to `output` (stderr) so stdout carries only results.
 */
export function readPassword(input: CliInput, output: CliOutput, prompt: string): Promise<string> {
  output.write(prompt);
  return new Promise<string>((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let characters: string[] = [];
    const finish = (settle: () => void) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      settle();
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (text.startsWith(ESCAPE)) return;
      for (const character of text) {
        if (ENTER.has(character)) return finish(() => resolve(characters.join('')));
        if (character === CTRL_C) return finish(() => reject(new PromptInterrupted()));
        if (character === CTRL_D) {
          if (characters.length > 0) return finish(() => resolve(characters.join('')));
          return finish(() => reject(new VaultError('INVALID_INPUT', 'Nothing was entered.')));
        }
        if (BACKSPACE.has(character)) characters.pop();
        else if (character === CTRL_U) characters = [];
        else if (character >= ' ') characters.push(character);
      }
    };
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}
