/** "1 item", "2 items": English plurals of the nouns the CLI counts, which all take an "s". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
