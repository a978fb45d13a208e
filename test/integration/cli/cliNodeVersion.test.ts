/**
 * bin/totp-vault.js must explain itself on a Node too old to run the CLI, instead of dying on a syntax
 * error or a native-module ABI mismatch deep inside better-sqlite3. The machines here have Node 20 on
 * PATH and Node 22 only in node_modules/.bin, which is exactly the situation this guards.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliSuite, expectFailure } from './cliProcess.js';

const CANDIDATES = ['/usr/local/bin/node', '/usr/bin/node'];

/** The first Node binary on this machine older than 22, with its version. */
function findOldNode(): { path: string; version: string } | undefined {
  for (const path of CANDIDATES) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim().replace(/^v/, '') ?? '';
    const major = Number(version.split('.')[0]);
    if (Number.isInteger(major) && major > 0 && major < 22) return { path, version };
  }
  return undefined;
}

const oldNode = findOldNode();
const skipReason = `SKIPPED: no Node older than 22 at ${CANDIDATES.join(' or ')}, so the version refusal cannot be run here`;
if (!oldNode) console.warn(skipReason);

const { folder, run } = cliSuite();

describe('the Node version guard in bin/totp-vault.js', () => {
  it.skipIf(!oldNode)(oldNode ? `refuses Node ${oldNode.version} (${oldNode.path}) with exit 69 and one line` : skipReason, async () => {
    const result = await run(['--version'], { node: oldNode!.path });
    expectFailure(result, 69, /needs Node\.js 22\.12 or newer/);
    expect(result.stderr).toBe(
      `totp-vault: needs Node.js 22.12 or newer (this is Node ${oldNode!.version}). Run it through npm (npx totp-vault …) or install Node 22.\n`,
    );
  });

  it('tells to run `npm run build` when the compiled CLI is missing', async () => {
    // A copy of the launcher in a package with no dist/ folder beside it.
    const bin = join(folder(), 'unbuilt', 'bin', 'totp-vault.js');
    mkdirSync(join(folder(), 'unbuilt', 'bin'), { recursive: true });
    writeFileSync(join(folder(), 'unbuilt', 'package.json'), '{ "type": "module" }\n');
    copyFileSync(BIN, bin);
    expectFailure(await run(['list'], { bin }), 70, /not built yet: run `npm run build`/);
  });

  it('is an executable script with a node shebang', () => {
    expect(spawnSync('test', ['-x', BIN]).status).toBe(0);
  });
});
