#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed, otherwise the same window in the
// browser through `totp-vault ui` (DESIGN.md, Hosts and this machine). Plain ES module for Node 22.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electronBinaryPath.js';

const APP_FOLDER = dirname(dirname(fileURLToPath(import.meta.url)));
const BUILT_FILES = ['dist/main/electron/main.js', 'dist/main/electron/preload.cjs'];
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM'];

/** Runs a child with this terminal, passes Ctrl+C and termination on, and ends as the child ended. */
function runToEnd(command, args, environment) {
  const child = spawn(command, args, { stdio: 'inherit', env: environment, windowsHide: false });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`Could not start ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const name of FORWARDED_SIGNALS) process.off(name, forward);
    if (signal) {
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

const args = process.argv.slice(2);
const binary = electronBinaryPath();

if (binary === null) {
  process.stderr.write(
    "Electron's binary is not installed on this machine (it could not be downloaded), so TOTP Vault opens in your browser instead.\n",
  );
  runToEnd(process.execPath, [join(APP_FOLDER, 'bin', 'totp-vault.js'), 'ui', ...args], process.env);
} else if (BUILT_FILES.some((file) => !existsSync(join(APP_FOLDER, file)))) {
  process.stderr.write('TOTP Vault is not built yet: run `npm run build` first.\n');
  process.exitCode = 1;
} else {
  // Inherited, this variable would make the binary a plain Node that tries to run the folder as a script.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...environment } = process.env;
  runToEnd(binary, [APP_FOLDER, ...args], environment);
}
