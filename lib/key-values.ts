import { z } from "zod";

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

/** Key/value rows as an editor sends them, checked against every limit and returned as Sendbird's object. */
export function keyValueRowsSchema(limits: KeyValueLimits) {
  return z
    .array(
      z.object({
        key: z
          .string()
          .trim()
          .min(1, "A key cannot be empty.")
          .max(limits.maxKeyLength, `A key is at most ${limits.maxKeyLength} characters.`)
          .refine((k) => !k.includes(","), "A key cannot contain a comma."),
        value: z.string().max(limits.maxValueLength, `A value is at most ${limits.maxValueLength} characters.`),
      }),
    )
    .max(limits.maxItems, `At most ${limits.maxItems} ${limits.noun}.`)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (seen.has(row.key.trim())) ctx.addIssue({ code: "custom", path: [i, "key"], message: `The key "${row.key.trim()}" is already used above.` });
        seen.add(row.key.trim());
      });
    })
    .transform((rows) => Object.fromEntries(rows.map((r) => [r.key.trim(), r.value])));
}

export const customItemRowsSchema = keyValueRowsSchema(customItemLimits);
export const metadataRowsSchema = keyValueRowsSchema(metadataLimits);
