import { spawn } from 'node:child_process';

/** How long a launcher may run before we take it as having handed the address on. */
const LAUNCH_GRACE_MILLISECONDS = 3000;

/**
 * The command that hands an address to the default browser, the address always as one argument of its
 * own. Not `cmd /c start "" URL` on Windows: cmd.exe re-parses the line, and `&` or `^` in an address
 * would split or mangle it. Not `explorer.exe URL` either: it exits with 1 even when it worked.
 */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens `url` in the default browser, detached and silent. Resolves false when the launcher is missing
 * or exits with a failure soon after starting, true when it succeeds or is still running after a grace
 * period (some launchers stay until the browser closes). Never rejects.
 */
export function openInBrowser(url: string, launcher = browserCommand(url)): Promise<boolean> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(launcher.command, launcher.args, { detached: true, stdio: 'ignore', windowsHide: true });
    } catch {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => resolve(true), LAUNCH_GRACE_MILLISECONDS);
    timer.unref();
    const settle = (opened: boolean): void => {
      clearTimeout(timer);
      resolve(opened);
    };
    child.once('error', () => settle(false));
    child.once('exit', (status) => settle(status === 0));
    child.unref();
  });
}
