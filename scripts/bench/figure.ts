/** One measured figure of `npm run bench`, with its budget from ARCHITECTURE §7 ("—" when it has none). */
export interface Figure {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}

/** The p-th percentile (0–100) of some measurements. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}
