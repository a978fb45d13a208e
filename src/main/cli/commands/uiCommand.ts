import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApiService } from '../../vault/apiService.js';
import { type WebHost, defaultRendererFolder, startWebHost } from '../../web/index.js';
import type { Invocation } from '../invocation.js';
import { openInBrowser } from '../openInBrowser.js';
import { parseWholeNumber } from '../parseWholeNumber.js';
import { UnavailableError } from '../unavailableError.js';
import { waitForStopSignal } from '../waitForStopSignal.js';

/**
 * Serves another build of the window instead of dist/renderer: a development build, or a stand-in page
 * in tests. An environment variable rather than an option because only developers need it.
 */
export const RENDERER_FOLDER_VARIABLE = 'TOTP_VAULT_RENDERER_DIR';

/**
 * `totp-vault ui [--port N] [--no-open]`: the desktop window's UI in a browser, over the loopback web host.
 * The first line on stdout is the address with this launch's token (scripts and the end-to-end tests read
 * it); the token opens the API, not the vault, which still needs the master password.
 */
export async function uiCommand(invocation: Invocation): Promise<void> {
  const { context, options, vaultPath } = invocation;
  const port = options.port === undefined ? 0 : parseWholeNumber('--port', options.port, 0, 65535);
  const rendererFolder = context.env[RENDERER_FOLDER_VARIABLE] || defaultRendererFolder();
  if (!existsSync(join(rendererFolder, 'index.html'))) {
    throw new UnavailableError(`the window is not built: ${rendererFolder} has no index.html; run \`npm run build\` first`);
  }
  const service = createApiService({ vaultPath, systemLocale: Intl.DateTimeFormat().resolvedOptions().locale });
  let host: WebHost;
  try {
    host = await startWebHost({ service, port, rendererFolder });
  } catch (thrown) {
    service.dispose();
    throw describeListenFailure(thrown, port);
  }
  // Listening before the address is printed: whoever reads the line may send Ctrl+C at once.
  const stopped = waitForStopSignal();
  context.stdout.write(`TOTP Vault UI: ${host.url}\n`);
  context.stdout.write(`Serving ${vaultPath} to this computer only. Press Ctrl+C to stop.\n`);
  if (options.open !== false) {
    void openInBrowser(host.url).then((opened) => {
      if (!opened) context.stderr.write('Could not open a web browser; open the address above in one by hand.\n');
    });
  }
  await stopped;
  // Locking first lets the open pages hear `locked` before their event streams end.
  service.dispose();
  await host.close();
}

function describeListenFailure(thrown: unknown, port: number): unknown {
  const code = (thrown as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return new UnavailableError(`port ${port} is in use by another program; choose another with --port N, or leave --port out`);
  }
  if (code === 'EACCES') {
    return new UnavailableError(`port ${port} needs privileges this command does not have; choose one above 1023, or leave --port out`);
  }
  if (code === 'EADDRNOTAVAIL') {
    return new UnavailableError('this computer has no loopback address 127.0.0.1 to serve on');
  }
  return thrown;
}
