import type { CliOutput } from './cliContext.js';

export function printJson(output: CliOutput, value: unknown): void {
  output.write(`${JSON.stringify(value, null, 2)}\n`);
}
