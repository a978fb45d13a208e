import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/contentSecurityPolicy.js';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((directive) => {
    const [name = '', ...sources] = directive.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the documented policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('names no remote source and allows no inline code or eval', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:'], `${name} ${source}`).toContain(source);
      }
    }
    for (const forbidden of ['http:', 'https:', 'ws:', 'wss:', '*', "'unsafe-inline'", "'unsafe-eval'", 'localhost', '127.0.0.1']) {
      expect(CONTENT_SECURITY_POLICY).not.toContain(forbidden);
    }
  });

  it('defaults to nothing and lets the page connect nowhere', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
