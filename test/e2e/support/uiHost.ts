/**
 * Starts the real `totp-vault ui` binary on a vault file, as a user would, and reads the address from its
 * first line. The end-to-end tests drive the page it serves; nothing in between is faked.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BINARY = fileURLToPath(new URL('../../../bin/totp-vault.js', import.meta.url));
const FIRST_LINE = /^TOTP Vault UI: (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)$/;

export interface UiHost {
  /** The page address with the launch token in its fragment, as the first line prints it. */
  readonly url: string;
  readonly origin: string;
  /** Milliseconds from spawning the process to its first line. */
  readonly startMilliseconds: number;
  stop(): Promise<number | null>;
}

export async function startUiHost(vaultPath: string, environment: NodeJS.ProcessEnv = {}): Promise<UiHost> {
  const started = performance.now();
  const child = spawn(process.execPath, [BINARY, '--vault', vaultPath, 'ui', '--no-open', '--port', '0'], {
    env: { ...process.env, ...environment },
    stdio: 'pipe',
  });
  const line = await firstLine(child);
  const startMilliseconds = performance.now() - started;
  const match = FIRST_LINE.exec(line);
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line from totp-vault ui: ${JSON.stringify(line)}`);
  }
  return {
    url: line.slice('TOTP Vault UI: '.length),
    origin: match[1]!.replace(/\/$/, ''),
    startMilliseconds,
    stop: () => stopProcess(child),
  };
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => fail(new Error('totp-vault ui printed nothing within 20 s')), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const end = output.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(output.slice(0, end).replace(/\r$/, ''));
      }
    });
    child.on('exit', (code) => fail(new Error(`totp-vault ui exited with ${code}: ${errors.trim()}`)));
  });
}

function stopProcess(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGINT');
  });
}
