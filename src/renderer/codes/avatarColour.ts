/** How many avatar colours the stylesheet defines (.avatar-0 … .avatar-7), each dark enough for white text. */
export const AVATAR_COLOURS = 8;

/** A stable colour slot for a name, so the same account keeps its colour between sessions. */
export function avatarColour(name: string): number {
  let hash = 0;
  for (const character of name.toLowerCase()) {
    hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  }
  return hash % AVATAR_COLOURS;
}

/** The first letter or digit of a name, upper-cased; '#' when there is none. */
export function avatarInitial(name: string): string {
  const match = /[\p{L}\p{N}]/u.exec(name);
  return match === null ? '#' : match[0].toLocaleUpperCase();
}
