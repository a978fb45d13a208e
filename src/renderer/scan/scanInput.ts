/**
 * Something to scan that arrived without a screen grab: an image (a file opened or dropped, a clipboard
 * image) or a text (pasted). `source` is how the review list names where it came from.
 */
export type ScanInput =
  | { readonly kind: 'image'; readonly image: Blob; readonly source: string }
  | { readonly kind: 'text'; readonly text: string; readonly source: string };

/** What a paste may hold, as the browser lends it: DataTransfer's items (files first) and its text. */
export interface PastedData {
  readonly items: ArrayLike<{ readonly kind: string; readonly type: string; getAsFile(): File | null }>;
  getData(format: string): string;
}

/** The clipboard's image if it holds one, else its text if there is any; null for anything else. */
export function scanInputFromPaste(data: PastedData, names: { readonly image: string; readonly text: string }): ScanInput | null {
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file' || !item.type.startsWith('image/')) continue;
    const image = item.getAsFile();
    if (image !== null) return { kind: 'image', image, source: names.image };
  }
  const text = data.getData('text/plain').trim();
  return text === '' ? null : { kind: 'text', text, source: names.text };
}

const SCANNABLE_TEXT = /^(?:otpauth|otpauth-migration|phonefactor):/i;

/**
 * Whether a paste on the code list is meant for a scan: an image, or a setup link. Other text pasted
 * there is left alone (the list has nowhere to put it, and a stray paste must not open a dialog).
 */
export function isScanPaste(input: ScanInput): boolean {
  return input.kind === 'image' || SCANNABLE_TEXT.test(input.text);
}

