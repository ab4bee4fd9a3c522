import { z } from "zod";

import { customItemLimits, keyValueProblems, metadataLimits } from "./key-value-limits";
import type { KeyValueLimits } from "./key-value-limits";

export { customItemLimits, metadataLimits };
export type { KeyValueLimits, KeyValueRow } from "./key-value-limits";

/** Key/value rows as an editor sends them, checked against every limit and returned as Sendbird's object. */
export function keyValueRowsSchema(limits: KeyValueLimits) {
  return z
    .array(z.object({ key: z.string(), value: z.string() }))
    .superRefine((rows, ctx) => {
      for (const [path, message] of Object.entries(keyValueProblems(rows, limits))) {
        ctx.addIssue({ code: "custom", path: path === "" ? [] : path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message });
      }
    })
    .transform((rows) => Object.fromEntries(rows.map((r) => [r.key.trim(), r.value])));
}

export const customItemRowsSchema = keyValueRowsSchema(customItemLimits);
export const metadataRowsSchema = keyValueRowsSchema(metadataLimits);
