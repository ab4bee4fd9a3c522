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
