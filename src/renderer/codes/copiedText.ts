/**
 * The last text copied to the clipboard and when it goes away. Times are Unix milliseconds. Pure, so the
 * countdown and roll-over rules are tested without a clipboard or a clock.
 */
export interface CopiedText {
  readonly text: string;
  /** What the banner says (already translated). */
  readonly message: string;
  /** The live-code key when the text is a TOTP code, so the banner can offer the next one. */
  readonly fieldKey: string | null;
  readonly copiedAt: number;
  /** When to clear the clipboard; null when the preference says never. */
  readonly clearAt: number | null;
  /** When a copied TOTP code stops being valid; null for anything else. */
  readonly expiresAt: number | null;
}

export interface CopyRequest {
  readonly text: string;
  readonly message: string;
  readonly fieldKey?: string;
  /** Whole seconds the code has left, as the row showed it. */
  readonly secondsValid?: number;
}

export function copiedText(request: CopyRequest, now: number, clearSeconds: number): CopiedText {
  return {
    text: request.text,
    message: request.message,
    fieldKey: request.fieldKey ?? null,
    copiedAt: now,
    clearAt: clearSeconds > 0 ? now + clearSeconds * 1000 : null,
    expiresAt: request.secondsValid !== undefined && request.secondsValid > 0 ? now + request.secondsValid * 1000 : null,
  };
}

/** Whole seconds until the clipboard is cleared, counting down to 0; null when it is never cleared. */
export function secondsUntilClear(copied: CopiedText, now: number): number | null {
  if (copied.clearAt === null) return null;
  return Math.max(0, Math.ceil((copied.clearAt - now) / 1000));
}

export function isClearDue(copied: CopiedText, now: number): boolean {
  return copied.clearAt !== null && now >= copied.clearAt;
}

/** True once the copied code has expired while it may still be waiting to be pasted. */
export function hasRolledOver(copied: CopiedText, now: number): boolean {
  return copied.fieldKey !== null && copied.expiresAt !== null && now >= copied.expiresAt;
}
