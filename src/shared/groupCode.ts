/**
 * A code split into groups for reading and typing by eye: "123 456", "1234 5678", "123 456 789"; a length
 * that neither 3 nor 4 divides splits into two halves, the shorter first ("123 4567", "12345 67890").
 * Steam's five letters and anything shorter stay whole. Shared by the window and the CLI, so a code looks
 * the same in both.
 */
export function groupCode(code: string): string {
  const length = code.length;
  if (length <= 5) return code;
  if (length % 3 === 0) return splitEvery(code, 3);
  if (length % 4 === 0) return splitEvery(code, 4);
  const firstHalf = Math.floor(length / 2);
  return `${code.slice(0, firstHalf)} ${code.slice(firstHalf)}`;
}

/** Groups of `size` characters separated by single spaces; the last group may be shorter. */
export function splitEvery(text: string, size: number): string {
  const groups: string[] = [];
  for (let start = 0; start < text.length; start += size) {
    groups.push(text.slice(start, start + size));
  }
  return groups.join(' ');
}
