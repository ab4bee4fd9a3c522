// Pure string work with no secrets and no database access, so no "server-only": the audit trail's filters and
// the activity index's title search import it, and nothing stops a test or a script from doing the same.

/** A `like`/`ilike` pattern for text that contains `term`, with `%`, `_` and `\` taken literally. */
export const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
