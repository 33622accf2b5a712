/** A LIKE/ILIKE pattern matching `text` anywhere, with LIKE's own wildcards (`%`, `_`, `\`) in it escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
