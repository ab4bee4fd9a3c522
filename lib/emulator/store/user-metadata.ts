import { EmulatorError } from "../errors";
import type { UserRecord } from "./records";
import type { Store } from "./store";
import { getUser } from "./users";

/** User metadata: at most 5 items, keys up to 128 characters without commas, string values up to 190. */
export const metadataLimits = { maxItems: 5, keyMax: 128, valueMax: 190, noCommaInKeys: true } as const;

function metadataNotFound(key: string): EmulatorError {
  return new EmulatorError("not_found", `"Metadata" with key "${key.slice(0, 128)}" not found.`);
}

function checkMetadataCount(next: Record<string, string>): void {
  if (Object.keys(next).length > metadataLimits.maxItems) {
    throw new EmulatorError("too_many", `A user's metadata may hold at most ${metadataLimits.maxItems} items.`, { chatCode: 400203 });
  }
}

function setMetadata(store: Store, user: UserRecord, next: Record<string, string>): void {
  // fromEntries defines own properties, so a key such as "__proto__" is kept as data.
  user.metadata = Object.fromEntries(Object.entries(next));
  store.touchUsers();
}

/** Adds new items; a key the user already has is refused (nothing is written). Returns the items added. */
export function createMetadata(store: Store, id: string, items: Record<string, string>): Record<string, string> {
  const user = getUser(store, id);
  const taken = Object.keys(items).find((key) => Object.hasOwn(user.metadata, key));
  if (taken !== undefined) throw new EmulatorError("exists", `"Metadata" with key "${taken.slice(0, 128)}" already exists.`);
  const next = { ...user.metadata, ...items };
  checkMetadataCount(next);
  setMetadata(store, user, next);
  return items;
}

/** The items asked for by key (those the user has), or every item. */
export function readMetadata(store: Store, id: string, keys: string[] | undefined): Record<string, string> {
  const user = getUser(store, id);
  if (keys === undefined) return { ...user.metadata };
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(user.metadata, key)).map((key) => [key, user.metadata[key] as string]));
}

export function readMetadataItem(store: Store, id: string, key: string): Record<string, string> {
  const user = getUser(store, id);
  if (!Object.hasOwn(user.metadata, key)) throw metadataNotFound(key);
  return { [key]: user.metadata[key] as string };
}

/**
 * Updates items by key. Without `upsert` only keys the user has are changed (any other is refused and nothing
 * is written); with it, new keys are added too. Returns the items updated and added.
 */
export function updateMetadata(store: Store, id: string, items: Record<string, string>, upsert: boolean): Record<string, string> {
  const user = getUser(store, id);
  if (!upsert) {
    const unknown = Object.keys(items).find((key) => !Object.hasOwn(user.metadata, key));
    if (unknown !== undefined) throw metadataNotFound(unknown);
  }
  const next = { ...user.metadata, ...items };
  checkMetadataCount(next);
  setMetadata(store, user, next);
  return items;
}

/** Deletes one item (refused if the user has no such key) or, without a key, every item. */
export function deleteMetadata(store: Store, id: string, key: string | undefined): void {
  const user = getUser(store, id);
  if (key === undefined) return setMetadata(store, user, {});
  if (!Object.hasOwn(user.metadata, key)) throw metadataNotFound(key);
  setMetadata(store, user, Object.fromEntries(Object.entries(user.metadata).filter(([k]) => k !== key)));
}
