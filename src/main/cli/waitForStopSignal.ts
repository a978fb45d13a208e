/** Ctrl+C, `kill`, and the terminal window closing. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Resolves on the first stop signal, which is then handled (the process keeps running so the caller can
 * lock the vault and close the server). The listeners are removed at once: a second Ctrl+C during that
 * shutdown gets Node's default and ends the process.
 */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      for (const name of STOP_SIGNALS) process.off(name, onSignal);
      resolve(signal);
    };
    for (const name of STOP_SIGNALS) process.on(name, onSignal);
  });
}
