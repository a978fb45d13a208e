import { describe, expect, it } from 'vitest';
import { type ConnectSource, contentSecurityPolicy } from '../../../src/main/rendererAssets/contentSecurityPolicy.js';

function directivesOf(policy: string): Map<string, readonly string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

/** Each host's exact policy: they differ only in connect-src. */
const HOSTS: readonly { readonly host: string; readonly connect: ConnectSource; readonly policy: string }[] = [
  {
    host: 'the Electron app:// protocol (IPC only)',
    connect: "'none'",
    policy:
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  },
  {
    host: 'the loopback web host (API on its own origin)',
    connect: "'self'",
    policy:
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  },
];

describe.each(HOSTS)('contentSecurityPolicy for $host', ({ connect, policy }) => {
  const directives = directivesOf(contentSecurityPolicy({ connect }));

  it('is the documented policy', () => {
    expect(contentSecurityPolicy({ connect })).toBe(policy);
  });

  it('names no remote source and allows no inline code or eval', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:'], `${name} ${source}`).toContain(source);
      }
    }
    for (const forbidden of ['http:', 'https:', 'ws:', 'wss:', '*', "'unsafe-inline'", "'unsafe-eval'", 'localhost', '127.0.0.1']) {
      expect(contentSecurityPolicy({ connect })).not.toContain(forbidden);
    }
  });

  it('defaults to nothing, connects only where the host allows, and may not be framed', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual([connect]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('contentSecurityPolicy', () => {
  it('differs between the hosts in connect-src alone', () => {
    const [electron, web] = HOSTS.map(({ connect }) => directivesOf(contentSecurityPolicy({ connect })));
    expect([...(electron?.keys() ?? [])]).toEqual([...(web?.keys() ?? [])]);
    for (const [name, sources] of electron ?? []) {
      if (name !== 'connect-src') expect(web?.get(name), name).toEqual(sources);
    }
  });
});
