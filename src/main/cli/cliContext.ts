/**
 * Everything a command touches outside the vault file, injected so the runner works the same on the real
 * process (main.ts) and in-process in tests with PassThrough streams and a fixed clock.
 */
export interface CliInput extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
  /** Present on a terminal (tty.ReadStream): turns echo and line editing off. */
  setRawMode?(mode: boolean): unknown;
}

export interface CliOutput {
  write(text: string): unknown;
}

export interface CliContext {
  readonly stdin: CliInput;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: NodeJS.ProcessEnv;
  /** Unix milliseconds. */
  readonly now: () => number;
}
