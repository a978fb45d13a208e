import { describe, expect, it } from 'vitest';
import { isPermissionGranted, type PermissionFacts } from '../../../src/main/electron/permissionPolicy.js';

const screenCapture: PermissionFacts = {
  permission: 'display-capture',
  requestingUrl: 'app://totp-vault/index.html',
  isMainFrame: true,
  mediaTypes: ['video'],
};

describe('isPermissionGranted', () => {
  it('grants screen capture (video) to our main frame, as a request or a check', () => {
    expect(isPermissionGranted(screenCapture)).toBe(true);
    expect(isPermissionGranted({ ...screenCapture, mediaTypes: [] })).toBe(true);
    expect(isPermissionGranted({ ...screenCapture, requestingUrl: 'app://totp-vault' })).toBe(true);
  });

  it('refuses capture with audio, or of an unknown kind', () => {
    expect(isPermissionGranted({ ...screenCapture, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionGranted({ ...screenCapture, mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionGranted({ ...screenCapture, mediaTypes: ['unknown'] })).toBe(false);
  });

  it('refuses capture to a subframe or another origin', () => {
    expect(isPermissionGranted({ ...screenCapture, isMainFrame: false })).toBe(false);
    for (const requestingUrl of ['https://example.com/', 'file:///index.html', 'app://other/index.html', 'http://127.0.0.1/', '']) {
      expect(isPermissionGranted({ ...screenCapture, requestingUrl }), requestingUrl).toBe(false);
    }
  });

  it('refuses camera and microphone (`media` since Electron 45) and everything else', () => {
    for (const permission of [
      'media',
      'clipboard-read',
      'clipboard-sanitized-write',
      'notifications',
      'geolocation',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'hid',
      'usb',
      'serial',
      'fileSystem',
      'window-management',
      'local-fonts',
      'unknown',
    ]) {
      expect(isPermissionGranted({ ...screenCapture, permission }), permission).toBe(false);
    }
  });
});
