import { VaultError } from '../../shared/errors.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** Far beyond any password or otpauth URI; stops `totp-vault … < /dev/zero` from eating memory. */
const MAX_LINE_BYTES = 64 * 1024;

/**
 * Lines read one at a time from a piped or redirected standard input, for scripts:
 * `printf '%s\n' "$PASSWORD" | totp-vault list`. The stream is paused between lines so nothing is read
 * before it is needed, and a line ends at "\n" with one "\r" before it dropped (a file saved on Windows).
 * Nothing else is trimmed: spaces may be part of a password.
 */
export class StdinLines {
  readonly #input: NodeJS.ReadableStream;
  #buffer: Buffer = Buffer.alloc(0);
  #ended = false;
  #failed = false;
  #attached = false;
  #wake: (() => void) | undefined;

  constructor(input: NodeJS.ReadableStream) {
    this.#input = input;
  }

  /** The next line without its line ending, or null when the input has ended. */
  async next(): Promise<string | null> {
    this.#attach();
    for (;;) {
      const newline = this.#buffer.indexOf(NEWLINE);
      if (newline >= 0) {
        const end = newline > 0 && this.#buffer[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
        const line = this.#buffer.subarray(0, end).toString('utf8');
        this.#buffer = this.#buffer.subarray(newline + 1);
        return line;
      }
      if (this.#buffer.length > MAX_LINE_BYTES) {
        throw new VaultError('INVALID_INPUT', 'A line of standard input is too long to be a password or a secret.');
      }
      if (this.#failed) throw new VaultError('IO_ERROR', 'Standard input could not be read.');
      if (this.#ended) {
        if (this.#buffer.length === 0) return null;
        const last = this.#buffer.toString('utf8');
        this.#buffer = Buffer.alloc(0);
        return last;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#input.resume();
      });
    }
  }

  #attach(): void {
    if (this.#attached) return;
    this.#attached = true;
    const wake = () => {
      this.#input.pause();
      const resolve = this.#wake;
      this.#wake = undefined;
      resolve?.();
    };
    this.#input.on('data', (chunk: Buffer | string) => {
      this.#buffer = Buffer.concat([this.#buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
      wake();
    });
    this.#input.on('end', () => {
      this.#ended = true;
      wake();
    });
    this.#input.on('error', () => {
      this.#failed = true;
      wake();
    });
  }
}
