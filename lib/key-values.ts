import { z } from "zod";

/** Custom-item limits (the spec's, for calls and rooms; applied to live events too): 10 items, 128 characters, no comma in a key. */
export const customItemLimits = { maxItems: 10, maxKeyLength: 128, maxValueLength: 128 } as const;

/** One row of a key/value editor. */
export interface CustomItemRow {
  key: string;
  value: string;
}

/** Key/value rows as the editor sends them, checked against every limit and returned as Sendbird's object. */
export const customItemRowsSchema = z
  .array(
    z.object({
      key: z
        .string()
        .trim()
        .min(1, "A key cannot be empty.")
        .max(customItemLimits.maxKeyLength, `A key is at most ${customItemLimits.maxKeyLength} characters.`)
        .refine((k) => !k.includes(","), "A key cannot contain a comma."),
      value: z.string().max(customItemLimits.maxValueLength, `A value is at most ${customItemLimits.maxValueLength} characters.`),
    }),
  )
  .max(customItemLimits.maxItems, `At most ${customItemLimits.maxItems} custom items.`)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.key.trim())) ctx.addIssue({ code: "custom", path: [i, "key"], message: `The key "${row.key.trim()}" is already used above.` });
      seen.add(row.key.trim());
    });
  })
  .transform((rows) => Object.fromEntries(rows.map((r) => [r.key.trim(), r.value])));
