// The key/value limits alone, free of zod, for client components that only show them.

/** Limits of a set of key/value pairs Sendbird keeps with a resource. Keys never contain a comma. */
export interface KeyValueLimits {
  maxItems: number;
  maxKeyLength: number;
  maxValueLength: number;
  /** What the pairs are called, for messages: "custom items", "metadata items". */
  noun: string;
}

/** Custom items (the spec's limits for calls and rooms; applied to live events too): 10 items, 128 characters. */
export const customItemLimits: KeyValueLimits = { maxItems: 10, maxKeyLength: 128, maxValueLength: 128, noun: "custom items" };

/** User metadata: 5 items, keys up to 128 characters, values up to 190. */
export const metadataLimits: KeyValueLimits = { maxItems: 5, maxKeyLength: 128, maxValueLength: 190, noun: "metadata items" };

/** One row of a key/value editor. */
export interface KeyValueRow {
  key: string;
  value: string;
}

/** Why one key can't be kept, or null: the same rules for every key/value set. */
export function keyProblem(key: string, limits: KeyValueLimits): string | null {
  const k = key.trim();
  if (k === "") return "A key cannot be empty.";
  if (k.length > limits.maxKeyLength) return `A key is at most ${limits.maxKeyLength} characters.`;
  if (k.includes(",")) return "A key cannot contain a comma.";
  // Sendbird's answers are read into plain objects, where this key would vanish rather than be kept.
  if (k === "__proto__") return 'A key cannot be "__proto__".';
  return null;
}

export function valueProblem(value: string, limits: KeyValueLimits): string | null {
  return value.length > limits.maxValueLength ? `A value is at most ${limits.maxValueLength} characters.` : null;
}

/**
 * Every problem of a set of rows, as `<row>.key` / `<row>.value` (and "" for the whole list) to messages;
 * empty when the rows can be sent. Shared by the zod schemas and the editors that show problems before sending.
 */
export function keyValueProblems(rows: readonly KeyValueRow[], limits: KeyValueLimits): Record<string, string> {
  const problems: Record<string, string> = {};
  if (rows.length > limits.maxItems) problems[""] = `At most ${limits.maxItems} ${limits.noun}.`;
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = keyProblem(row.key, limits) ?? (seen.has(row.key.trim()) ? `The key "${row.key.trim()}" is already used above.` : null);
    if (key) problems[`${i}.key`] = key;
    const value = valueProblem(row.value, limits);
    if (value) problems[`${i}.value`] = value;
    seen.add(row.key.trim());
  });
  return problems;
}
