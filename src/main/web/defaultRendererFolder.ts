import { fileURLToPath } from 'node:url';

/**
 * The built renderer, dist/renderer at the package root. This module sits three folders below the root
 * both as source (src/main/web) and compiled (dist/main/web), so one relative URL serves both.
 */
export function defaultRendererFolder(): string {
  return fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));
}
