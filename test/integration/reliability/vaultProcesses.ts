/**
 * Runs vaultProcess.mjs (the built vault in a child process) and reads its JSON lines as they come,
 * so a test can act on "ready" or the first acknowledgement, kill the child, and keep only whole lines.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./vaultProcess.mjs', import.meta.url));
const DIST_ENTRY = fileURLToPath(new URL('../../../dist/main/vault/index.js', import.meta.url));

/** Fails with a clear message when the build the child processes import is missing. */
export function assertBuilt(): void {
  if (!existsSync(DIST_ENTRY)) {
    throw new Error(`${DIST_ENTRY} is missing: the child-process tests use the built vault; run \`npx tsc -b\` first.`);
  }
}

export type ProcessEvent = Record<string, unknown>;

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class VaultProcess {
  readonly events: ProcessEvent[] = [];
  readonly exited: Promise<Exit>;
  #stderr = '';
  readonly #child: ChildProcessWithoutNullStreams;
  #pending = '';
  #waiters: { predicate: (event: ProcessEvent) => boolean; resolve: (event: ProcessEvent) => void }[] = [];

  constructor(config: Record<string, unknown>) {
    this.#child = spawn(process.execPath, [SCRIPT, JSON.stringify(config)], { stdio: 'pipe' });
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk: string) => this.#read(chunk));
    this.#child.stderr.setEncoding('utf8');
    this.#child.stderr.on('data', (chunk: string) => (this.#stderr += chunk));
    this.exited = new Promise((resolve) => this.#child.once('close', (code, signal) => resolve({ code, signal })));
    // A line cut off by a kill is not an acknowledgement: only newline-terminated lines count.
    void this.exited.then(() => this.#failWaiters());
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** Resolves with the first event (already seen or still to come) that matches; rejects if the process ends first. */
  waitFor(predicate: (event: ProcessEvent) => boolean): Promise<ProcessEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.#waiters.push({ predicate, resolve });
      void this.exited.then((exit) => reject(new Error(`process ended (${JSON.stringify(exit)}) first; stderr: ${this.#stderr}; last: ${JSON.stringify(this.events.at(-1))}`)));
    });
  }

  /** Writes one line to the child's stdin and closes it. */
  send(line: string): void {
    this.#child.stdin.end(`${line}\n`);
  }

  kill(): void {
    this.#child.kill('SIGKILL');
  }

  /** Waits for a clean exit and fails with the child's own words if it was not clean. */
  async succeeded(): Promise<void> {
    const exit = await this.exited;
    if (exit.code !== 0) throw new Error(`vault process failed (${JSON.stringify(exit)}): ${JSON.stringify(this.events.at(-1))} ${this.#stderr}`);
  }

  #read(chunk: string): void {
    const lines = (this.#pending + chunk).split('\n');
    this.#pending = lines.pop() ?? '';
    for (const line of lines) {
      const event = JSON.parse(line) as ProcessEvent;
      this.events.push(event);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (!waiter.predicate(event)) return true;
        waiter.resolve(event);
        return false;
      });
    }
  }

  #failWaiters(): void {
    this.#waiters = [];
  }
}
