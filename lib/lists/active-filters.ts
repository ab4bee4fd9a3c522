/** A list page's search parameters as Next.js gives them. */
export type SearchValues = Record<string, string | string[] | undefined>;

/** One filter a list shows as a chip when it is in the address. */
export interface FilterChipDef {
  key: string;
  /** What the filter is, as the chip says it ("Title contains"). */
  label: string;
  /** The value as the chip shows it; the value itself otherwise. */
  text?: (value: string) => string;
  /** Several values (`?state=a&state=b` or `?state=a,b`): a chip each. */
  multi?: boolean;
  /** A value that is the list's default anyway: no chip for it. */
  unless?: string;
}

/** One active filter: its chip's words and the address of the same view without it. */
export interface ActiveFilter {
  key: string;
  value: string;
  text: string;
  without: string;
}

const valuesOf = (def: FilterChipDef, raw: SearchValues): string[] => {
  const v = raw[def.key];
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return (def.multi ? list.flatMap((x) => x.split(",")) : list.slice(0, 1)).map((x) => x.trim()).filter(Boolean);
};

/**
 * The filters of `defs` the address holds, each with the address that drops it and keeps the rest (and the
 * `keep` keys, such as the page size). Paging cursors are dropped: a changed filter starts the list over.
 */
export function activeFilters(path: string, defs: readonly FilterChipDef[], raw: SearchValues, keep: readonly string[] = ["limit"]): ActiveFilter[] {
  const held = defs.flatMap((def) => valuesOf(def, raw).map((value) => ({ def, value })));
  const kept = keep.flatMap((key) => valuesOf({ key, label: key }, raw).map((value) => [key, value] as const));
  const without = (skip: number) => {
    const params = new URLSearchParams();
    held.forEach((h, j) => j !== skip && params.append(h.def.key, h.value));
    for (const [key, v] of kept) params.append(key, v);
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  return held.flatMap(({ def, value }, i) =>
    value === def.unless ? [] : [{ key: def.key, value, text: `${def.label}: ${def.text ? def.text(value) : value}`, without: without(i) }],
  );
}
