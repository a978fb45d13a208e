/**
 * The scan dialog's pure parts: the worker's base64 → WebAssembly bytes, the walk through displays until
 * one repeats, the review list's choices, what a paste holds, and the messages for unusable codes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanCandidate } from '../../../src/shared/api.js';
import { MAX_FRAME_PIXELS } from '../../../src/shared/qr/decodeQrFrame.js';
import { createTranslator } from '../../../src/renderer/i18n/translate.js';
import { bytesFromBase64, bytesFromDataUrl } from '../../../src/renderer/scan/bytesFromBase64.js';
import { collectScreens, screenKey } from '../../../src/renderer/scan/collectScreens.js';
import { describeUnusable } from '../../../src/renderer/scan/describeUnusable.js';
import { fitFrameSize, LARGEST_FRAME_PIXELS } from '../../../src/renderer/scan/fitFrameSize.js';
import { defaultChoice, nextChoices, pickedChoices } from '../../../src/renderer/scan/scanChoices.js';
import { isScanPaste, type PastedData, scanInputFromPaste } from '../../../src/renderer/scan/scanInput.js';

const require = createRequire(import.meta.url);

describe('bytesFromBase64', () => {
  const native = Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64');
  afterEach(() => {
    if (native === undefined) delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    else Object.defineProperty(Uint8Array, 'fromBase64', native);
  });

  it('decodes with atob where Uint8Array.fromBase64 is missing', () => {
    delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(bytesFromBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    expect(bytesFromBase64('')).toEqual(new Uint8Array(0));
  });

  it('uses Uint8Array.fromBase64 where the engine has it (Chromium 140 and later)', () => {
    const calls: string[] = [];
    Object.defineProperty(Uint8Array, 'fromBase64', {
      configurable: true,
      value: (text: string) => {
        calls.push(text);
        return new Uint8Array(Buffer.from(text, 'base64'));
      },
    });
    expect(bytesFromBase64('AGFzbQ==')).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    expect(calls).toEqual(['AGFzbQ==']);
  });

  it('gives back the exact bytes of the zxing reader .wasm from a data: URL, as the worker bundles it', async () => {
    const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const bytes = bytesFromDataUrl(`data:application/wasm;base64,${wasm.toString('base64')}`);
    expect(bytes.byteLength).toBe(wasm.byteLength);
    expect(Buffer.from(bytes.buffer).equals(wasm)).toBe(true);
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
  });

  it('refuses anything but a base64 data: URL', () => {
    expect(() => bytesFromDataUrl('https://cdn.example.com/zxing_reader.wasm')).toThrow(TypeError);
    expect(() => bytesFromDataUrl('data:application/wasm,AGFzbQ==')).toThrow(TypeError);
  });
});

describe('collectScreens', () => {
  /** A host that hands out `keys` in turn, as Electron's rotation does, counting the grabs. */
  function host(keys: readonly string[]) {
    let grabs = 0;
    return {
      grab: () => {
        const key = keys[grabs % keys.length] ?? '';
        grabs += 1;
        return Promise.resolve({ key, frame: `frame of ${key}` });
      },
      grabs: () => grabs,
    };
  }

  it('walks the displays until the first one comes round again', async () => {
    const three = host(['screen:1', 'screen:2', 'screen:3']);
    expect(await collectScreens(three.grab, 8)).toEqual(['frame of screen:1', 'frame of screen:2', 'frame of screen:3']);
    expect(three.grabs()).toBe(4);
  });

  it('takes one screen when the host cannot walk them (a browser picker)', async () => {
    const one = host(['a', 'b']);
    expect(await collectScreens(one.grab, 1)).toEqual(['frame of a']);
    expect(one.grabs()).toBe(1);
  });

  it('stops at the limit when a host never repeats', async () => {
    let count = 0;
    const frames = await collectScreens(() => Promise.resolve({ key: `screen ${++count}`, frame: count }), 8);
    expect(frames).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('rejects when the first grab fails (the picker was cancelled), and keeps what it has when a later one does', async () => {
    const cancelled = new DOMException('Permission denied', 'NotAllowedError');
    await expect(collectScreens(() => Promise.reject(cancelled), 8)).rejects.toBe(cancelled);
    let count = 0;
    const grab = () => (++count === 3 ? Promise.reject(new Error('gone')) : Promise.resolve({ key: `screen ${count}`, frame: count }));
    expect(await collectScreens(grab, 8)).toEqual([1, 2]);
  });
});

describe('screenKey', () => {
  const frame = (fill: number) => ({ data: new Uint8ClampedArray(64 * 48 * 4).fill(fill), width: 64, height: 48 });

  it('names a display by its track label and device id when the host gives them', () => {
    expect(screenKey({ label: 'screen:0:0', deviceId: '' }, frame(0))).toBe(screenKey({ label: 'screen:0:0', deviceId: '' }, frame(255)));
    expect(screenKey({ label: 'screen:0:0', deviceId: '' }, frame(0))).not.toBe(screenKey({ label: 'screen:1:0', deviceId: '' }, frame(0)));
    expect(screenKey({ label: '', deviceId: 'a' }, frame(0))).not.toBe(screenKey({ label: '', deviceId: 'b' }, frame(0)));
  });

  it('falls back to the picture: the same pixels are the same screen, other pixels or sizes another', () => {
    const anonymous = { label: '', deviceId: '' };
    expect(screenKey(anonymous, frame(7))).toBe(screenKey(anonymous, frame(7)));
    expect(screenKey(anonymous, frame(7))).not.toBe(screenKey(anonymous, frame(8)));
    const wider = { data: new Uint8ClampedArray(48 * 64 * 4).fill(7), width: 48, height: 64 };
    expect(screenKey(anonymous, frame(7))).not.toBe(screenKey(anonymous, wider));
  });
});

describe('fitFrameSize', () => {
  it('keeps a picture at its own size up to the largest frame the decoder takes', () => {
    expect(LARGEST_FRAME_PIXELS).toBe(MAX_FRAME_PIXELS);
    expect(fitFrameSize(3840, 2160)).toEqual({ width: 3840, height: 2160 });
    expect(fitFrameSize(7680, 4320)).toEqual({ width: 7680, height: 4320 });
    expect(fitFrameSize(1, 1)).toEqual({ width: 1, height: 1 });
  });

  it('scales a larger one down to fit, keeping its shape', () => {
    const { width, height } = fitFrameSize(15360, 8640);
    expect(width * height).toBeLessThanOrEqual(MAX_FRAME_PIXELS);
    expect(width).toBe(7680);
    expect(height).toBe(4320);
    const tall = fitFrameSize(1000, 100_000);
    expect(tall.width * tall.height).toBeLessThanOrEqual(MAX_FRAME_PIXELS);
    expect(Math.abs(tall.height / tall.width - 100)).toBeLessThan(0.5);
  });

  it('refuses a picture without pixels', () => {
    expect(() => fitFrameSize(0, 100)).toThrow(RangeError);
  });
});

function candidate(id: string, duplicate = false): ScanCandidate {
  return {
    id,
    source: 'Screen 1',
    summary: { type: 'totp', issuer: id, account: 'alice', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    current: { code: '123456', remaining: 12, period: 30 },
    duplicateOf: duplicate ? { itemId: 'existing', fieldId: 'f' } : null,
    template: 'login',
    title: id,
  };
}

describe('scan choices', () => {
  it('picks every account as a new item, except one already in the vault', () => {
    expect(defaultChoice(candidate('a'))).toEqual({ picked: true, itemId: null });
    expect(defaultChoice(candidate('b', true))).toEqual({ picked: false, itemId: null });
  });

  it('keeps what the user chose for an account still listed after another scan, and forgets the rest', () => {
    const before = new Map([
      ['a', { picked: false, itemId: null }],
      ['gone', { picked: true, itemId: 'item-1' }],
    ]);
    const after = nextChoices(before, [candidate('a'), candidate('b'), candidate('c', true)]);
    expect([...after]).toEqual([
      ['a', { picked: false, itemId: null }],
      ['b', { picked: true, itemId: null }],
      ['c', { picked: false, itemId: null }],
    ]);
  });

  it('sends the picked accounts in list order, an item deleted since as a new item', () => {
    const candidates = [candidate('a'), candidate('b'), candidate('c'), candidate('d', true)];
    const choices = new Map([
      ['a', { picked: true, itemId: 'item-1' }],
      ['b', { picked: false, itemId: null }],
      ['c', { picked: true, itemId: 'deleted-item' }],
    ]);
    expect(pickedChoices(candidates, choices, new Set(['item-1']))).toEqual([
      { candidateId: 'a', itemId: 'item-1' },
      { candidateId: 'c', itemId: null },
    ]);
  });
});

describe('scanInputFromPaste', () => {
  const names = { image: 'Clipboard image', text: 'Pasted text' };
  function pasted(items: { kind: string; type: string; file?: File }[], text = ''): PastedData {
    return {
      items: items.map((item) => ({ kind: item.kind, type: item.type, getAsFile: () => item.file ?? null })),
      getData: (format) => (format === 'text/plain' ? text : ''),
    };
  }

  it('takes an image before the text beside it (a copied picture often carries its name or address)', () => {
    const image = new File([new Uint8Array([1, 2, 3])], 'image.png', { type: 'image/png' });
    expect(scanInputFromPaste(pasted([{ kind: 'string', type: 'text/plain' }, { kind: 'file', type: 'image/png', file: image }], 'image.png'), names)).toEqual({
      kind: 'image',
      image,
      source: 'Clipboard image',
    });
  });

  it('takes text as it is, trimmed; nothing for an empty paste or a file that is no image', () => {
    expect(scanInputFromPaste(pasted([], '  otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP \n'), names)).toEqual({
      kind: 'text',
      text: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP',
      source: 'Pasted text',
    });
    expect(scanInputFromPaste(pasted([], '   '), names)).toBeNull();
    expect(scanInputFromPaste(pasted([{ kind: 'file', type: 'application/pdf', file: new File([], 'a.pdf') }]), names)).toBeNull();
  });

  it('opens the scan from the code list only for an image or a setup link', () => {
    const text = (value: string) => ({ kind: 'text', text: value, source: 'Pasted text' }) as const;
    expect(isScanPaste({ kind: 'image', image: new Blob([]), source: 'Clipboard image' })).toBe(true);
    expect(isScanPaste(text('otpauth://totp/A:b?secret=X'))).toBe(true);
    expect(isScanPaste(text('OTPAUTH-MIGRATION://offline?data=abc'))).toBe(true);
    expect(isScanPaste(text('phonefactor://activate_account?code=1'))).toBe(true);
    expect(isScanPaste(text('hello'))).toBe(false);
    expect(isScanPaste(text('https://example.com'))).toBe(false);
  });
});

describe('describeUnusable', () => {
  const english = createTranslator('en');
  const norwegian = createTranslator('nb');

  it('explains a Microsoft push code with the way to a TOTP code, in the user’s language', () => {
    const push = { code: 'MICROSOFT_PUSH_QR', message: 'This is a Microsoft Authenticator push sign-up code …' } as const;
    expect(describeUnusable(push, english)).toContain('“I want to use a different authenticator app” (or “Configure app without notifications”), then “Can’t scan image?”');
    expect(describeUnusable(push, norwegian)).toContain('«Jeg vil bruke en annen godkjenningsapp» (eller «Konfigurer appen uten varsler»)');
    expect(describeUnusable(push, norwegian)).toContain('«Kan du ikke skanne bildet?»');
  });

  it('translates "no account here" and "no code here", not repeating main’s English', () => {
    const link = { code: 'QR_NOT_TOTP', message: 'This QR code is a web link (https://example.com…), not a one-time-code account.' } as const;
    expect(describeUnusable(link, norwegian)).toBe(norwegian.t('scan.notTotp'));
    expect(describeUnusable({ code: 'QR_NOT_FOUND', message: 'No QR code was found.' }, english)).toBe(english.t('scan.notFound'));
  });

  it('tells other codes as everywhere else: the translated summary with main’s English detail', () => {
    const broken = { code: 'INVALID_URI', message: 'The otpauth URI has no secret parameter.' } as const;
    expect(describeUnusable(broken, norwegian)).toBe('Denne otpauth://-lenken er ikke gyldig. Detaljer: The otpauth URI has no secret parameter.');
  });
});
