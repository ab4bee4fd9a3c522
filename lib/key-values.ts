// Built on zod/mini: the user create dialog checks its metadata rows in the browser as well.
import * as z from "zod/mini";
import { customItemLimits, keyValueProblems, metadataLimits } from "./key-value-limits";
import type { KeyValueLimits } from "./key-value-limits";
import "@/lib/zod-messages";

export { customItemLimits, metadataLimits };
export type { KeyValueLimits, KeyValueRow } from "./key-value-limits";

/** Key/value rows as an editor sends them, checked against every limit and returned as Sendbird's object. */
export function keyValueRowsSchema(limits: KeyValueLimits) {
  return z.pipe(
    z.array(z.object({ key: z.string(), value: z.string() })).check(
      z.superRefine((rows, ctx) => {
        for (const [path, message] of Object.entries(keyValueProblems(rows, limits))) {
          ctx.addIssue({ code: "custom", path: path === "" ? [] : path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message });
        }
      }),
    ),
    z.transform((rows: { key: string; value: string }[]) => Object.fromEntries(rows.map((r) => [r.key.trim(), r.value]))),
  );
}

export const customItemRowsSchema = keyValueRowsSchema(customItemLimits);
export const metadataRowsSchema = keyValueRowsSchema(metadataLimits);
