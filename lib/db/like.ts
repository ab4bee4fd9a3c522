/** A `like`/`ilike` pattern for text that contains `term`, with `%`, `_` and `\` taken literally. */
export const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
