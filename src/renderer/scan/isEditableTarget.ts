/** Input types that take no typed text: a paste on them is the page's, not theirs. */
const NOT_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'range', 'color', 'image']);

/** True when the keyboard's paste goes into a text field rather than to the page around it. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}
