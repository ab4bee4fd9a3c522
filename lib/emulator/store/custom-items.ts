import { EmulatorError } from "../errors";

/** The limits of custom items, the same for live events, direct calls and rooms. */
export const customItemLimits = { maxItems: 10, keyMax: 128, valueMax: 128, noCommaInKeys: true };

/** Upserts (or replaces) custom items; the result must stay within the limits or nothing changes. */
export function putCustomItems(target: { custom_items: Record<string, string> }, items: Record<string, string>, mode: "upsert" | "replace"): string[] {
  const next = mode === "replace" ? { ...items } : { ...target.custom_items, ...items };
  if (Object.keys(next).length > customItemLimits.maxItems) {
    throw new EmulatorError("too_many", `At most ${customItemLimits.maxItems} custom items are allowed.`, { chatCode: 400203 });
  }
  target.custom_items = next;
  return Object.keys(items);
}

/** Deletes the given custom items, or all of them when no keys are given. */
export function deleteCustomItems(target: { custom_items: Record<string, string> }, keys: string[] | undefined): string[] {
  const deleted = keys ?? Object.keys(target.custom_items);
  const gone = new Set(deleted);
  target.custom_items = Object.fromEntries(Object.entries(target.custom_items).filter(([key]) => !gone.has(key)));
  return deleted;
}
