import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../src/main/rendererAssets/securityHeaders.js';

describe('securityHeaders', () => {
  it('carries the given policy and the same hardening headers for every host', () => {
    expect(securityHeaders("default-src 'none'")).toEqual({
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), display-capture=(self)',
    });
  });

  it('allows no powerful feature but screen capture from our own origin', () => {
    const features = (securityHeaders('x')['Permissions-Policy'] ?? '').split(', ');
    for (const feature of features) {
      expect(['()', '(self)'], feature).toContain(feature.slice(feature.indexOf('=') + 1));
    }
    expect(features.filter((feature) => feature.endsWith('(self)'))).toEqual(['display-capture=(self)']);
  });
});
