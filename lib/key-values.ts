import { z } from "zod";

import { customItemLimits, metadataLimits } from "./key-value-limits";
import type { KeyValueLimits } from "./key-value-limits";

export { customItemLimits, metadataLimits };
export type { KeyValueLimits, KeyValueRow } from "./key-value-limits";

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
          .refine((k) => !k.includes(","), "A key cannot contain a comma.")
          // Sendbird's answers are read into plain objects, where this key would vanish rather than be kept.
          .refine((k) => k !== "__proto__", 'A key cannot be "__proto__".'),
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
