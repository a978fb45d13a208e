/**
 * A code split for reading aloud or copying by eye: "123 456", "1234 5678", "123 456 789". Steam's five
 * letters and anything shorter stay whole. Used for human output only; a single-match `code` prints it bare.
 */
export function groupCode(code: string): string {
  if (code.length <= 5) return code;
  const size = code.length % 3 === 0 ? 3 : code.length % 4 === 0 ? 4 : Math.floor(code.length / 2);
  const groups: string[] = [];
  for (let start = 0; start < code.length; start += size) {
    groups.push(code.slice(start, start + size));
  }
  // An odd length (7, 10 with size 5) leaves a short last group; fold it into the one before.
  const last = groups.at(-1);
  if (groups.length > 2 && last !== undefined && last.length < size) {
    groups.pop();
    groups[groups.length - 1] += last;
  }
  return groups.join(' ');
}
