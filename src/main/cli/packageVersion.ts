import { readFileSync } from 'node:fs';

/** The version in package.json, two folders above both src/main/cli and dist/main/cli. */
export function packageVersion(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
