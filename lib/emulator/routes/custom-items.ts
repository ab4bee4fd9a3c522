import { EmulatorError } from "../errors";
import { customItemLimits } from "../store/custom-items";
import { BodyReader, checkStringMap, invalid } from "../validate";

/** `{ custom_items: {...}, mode }` for a PUT of custom items (shared by events, calls and rooms). */
export function customItemsPut(body: Record<string, unknown>): { items: Record<string, string>; mode: "upsert" | "replace" } {
  const reader = new BodyReader(body);
  const mode = reader.string("mode") ?? "upsert";
  if (mode !== "upsert" && mode !== "replace") throw invalid('"mode" must be "upsert" or "replace".');
  if (body.custom_items === undefined || body.custom_items === null) {
    throw new EmulatorError("missing", '"custom_items" is required.');
  }
  if (typeof body.custom_items !== "object" || Array.isArray(body.custom_items)) throw invalid('"custom_items" must be a JSON object.');
  const items = checkStringMap("custom_items", body.custom_items as Record<string, unknown>, customItemLimits);
  return { items, mode };
}

/** Keys to delete: a JSON array (what the Live SDK sends), `{ keys: [...] }`, or nothing for all. */
export function deleteKeys(body: unknown): string[] | undefined {
  // A scalar body (`"k1"`, `5`, `null`) names no keys; reading it as "delete all" would wipe every item.
  if (body === null || typeof body !== "object") throw invalid('Send a list of keys, {"keys": [...]}, or {} to delete every item.');
  const keys = Array.isArray(body) ? body : (body as { keys?: unknown }).keys;
  if (keys === undefined || keys === null) return undefined;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== "string")) throw invalid('"keys" must be a list of strings.');
  if (keys.length > customItemLimits.maxItems) throw invalid(`At most ${customItemLimits.maxItems} keys at once.`);
  return keys as string[];
}
