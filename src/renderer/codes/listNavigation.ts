/**
 * Where a key press moves the selection in a list of `count` rows, or null when the key is not a
 * navigation key. `pageSize` is how many rows fit on screen. With nothing selected yet (-1), any
 * movement starts at the first row, or the last for End and ArrowUp.
 */
export function navigationTarget(key: string, current: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (index: number): number => Math.min(last, Math.max(0, index));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return current < 0 ? last : clamp(current - 1);
    case 'PageDown':
      return clamp(Math.max(current, 0) + Math.max(1, pageSize - 1));
    case 'PageUp':
      return clamp(Math.max(current, 0) - Math.max(1, pageSize - 1));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
