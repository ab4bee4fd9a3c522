/** The budgets of docs/ARCHITECTURE.md (Budgets): each one `npm run bench` measures, named as the table names it. */
export const budgetRows = {
  pageWeight: {
    figure: "JS a fresh browser loads for any console page (its own, not linked pages' prefetches)",
    budget: "≤ 240 KB (compressed), TanStack Query included",
  },
  paint: { figure: "largest contentful paint, warm, localhost", budget: "≤ 500 ms" },
  clickFeedback: { figure: "first visible change after a click, 2 s Sendbird latency", budget: "≤ 100 ms p50 (a skeleton)" },
  onAirViewers: { figure: "Sendbird reads of the on-air board, 10 viewers vs 1", budget: "equal" },
  hiddenTab: { figure: "a hidden tab for 60 s", budget: "no reads" },
  handlerOverhead: { figure: "console route handler overhead over a direct emulator call", budget: "≤ 5 ms p50" },
  emulatorThroughput: {
    figure: "emulator throughput, `GET /v1/live-events?limit=100`, rate limits off",
    budget: "≥ 50 % of a bare `node:http` server returning the same bytes",
  },
  caseFile: { figure: "case file of a user with 200 participations and 500 calls, 50 ms emulator latency", budget: "≤ 400 ms" },
  csvExport: { figure: "CSV export of 100,000 rows", budget: "streams; memory growth ≤ 64 MB; ≥ 20,000 rows/s" },
  crawl: { figure: "crawl of 1,000 events against an emulator enforcing rate limits", budget: "zero errors shown to the user" },
  alertLatency: { figure: "host drop in the emulator to the webhook receiving the alert", budget: "≤ the sample interval + 2 s" },
  alertRound: { figure: "alert evaluator round with 50 events on air", budget: "no extra Sendbird reads, ≤ 50 ms" },
} as const;

export type BudgetRow = keyof typeof budgetRows;

/** One measured figure of `npm run bench`, with its budget from docs/ARCHITECTURE.md ("—" when it has none). */
export interface Figure {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
  /** The budget this figure measures, if any (a reference point or an extra figure has none). */
  row?: BudgetRow;
}

/** The p-th percentile (0–100) of some measurements. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}
