import { z } from "zod";
import { customItemLimits, customItemRowsSchema } from "@/lib/key-values";

/** Input of the editor's save: every row shown, so a field error's index matches the row. */
export function updateCustomItemsSchema(owner: { idSchema: z.core.$ZodType<string> }) {
  return z.object({ targetId: owner.idSchema, customItems: customItemRowsSchema }).strict();
}

/** Input of "Delete chosen items": one key or several, each as the owner holds it. */
export function removeCustomItemsSchema(owner: { idSchema: z.core.$ZodType<string> }) {
  return z
    .object({
      targetId: owner.idSchema,
      keys: z
        .array(z.string().min(1, "A key cannot be empty.").max(customItemLimits.maxKeyLength, `A key is at most ${customItemLimits.maxKeyLength} characters.`))
        .min(1, "Choose at least one item.")
        .max(customItemLimits.maxItems, `At most ${customItemLimits.maxItems} items at once.`),
    })
    .strict();
}
