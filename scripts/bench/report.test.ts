import { describe, expect, test } from "vitest";
import { budgetRows } from "./figure";
import type { Figure } from "./figure";
import { renderReport, uncoveredRows } from "./report";
import type { Run } from "./report";

const run: Run = {
  at: new Date(Date.UTC(2026, 0, 15, 9, 30, 12)),
  commit: "abc1234 + uncommitted changes",
  machine: "2 × Some CPU, 8 GiB, Node v22.0.0, linux 6.1.0 (x64)",
  command: "npm run bench",
};

const crawl: Figure = {
  name: "activity sync, one pass over 1,000 live events",
  value: "4.1 events/s (244.0 s), 0 requests refused, no error shown",
  budget: "zero errors shown",
  ok: true,
  row: "crawl",
};
const heavyPage: Figure = { name: "JS loaded by a fresh browser, /live-events", value: "312 KB compressed", budget: "≤ 250 KB", ok: false, row: "pageWeight" };
const reference: Figure = { name: "bare node:http, same bytes", value: "9000 req/s | p99 3 ms", budget: "—", ok: true };

describe("the benchmarks report", () => {
  test("heads the report with the time in UTC, the commit, the machine and the command", () => {
    const text = renderReport(run, [crawl]);
    expect(text.startsWith("# Benchmarks\n")).toBe(true);
    expect(text).toContain("- Run: 2026-01-15 09:30 UTC\n");
    expect(text).toContain("- Commit: abc1234 + uncommitted changes\n");
    expect(text).toContain("- Machine: 2 × Some CPU, 8 GiB, Node v22.0.0, linux 6.1.0 (x64)\n");
    expect(text).toContain("- Command: `npm run bench`\n");
  });

  test("gives each figure a row saying whether it met its budget, escaping the table's bars", () => {
    const text = renderReport(run, [crawl, heavyPage, reference]);
    expect(text).toContain(
      [
        "| Figure | Result | Budget | Met |",
        "|---|---|---|---|",
        "| activity sync, one pass over 1,000 live events | 4.1 events/s (244.0 s), 0 requests refused, no error shown | zero errors shown | ✓ |",
        "| JS loaded by a fresh browser, /live-events | 312 KB compressed | ≤ 250 KB | ✗ |",
        "| bare node:http, same bytes | 9000 req/s \\| p99 3 ms | — | — |",
      ].join("\n"),
    );
  });

  test("maps every budget of docs/ARCHITECTURE.md to the figures that measure it, and marks a row nothing measured", () => {
    const text = renderReport(run, [crawl, heavyPage, reference]);
    const section = text.slice(text.indexOf("## Budgets"));
    for (const row of Object.values(budgetRows)) expect(section).toContain(`**${row.figure}**`);
    expect(section).toContain(
      `- **${budgetRows.crawl.figure}**, budget zero errors shown to the user: ✓\n  - activity sync, one pass over 1,000 live events\n`,
    );
    expect(section).toContain(
      `- **${budgetRows.pageWeight.figure}**, budget ${budgetRows.pageWeight.budget}: ✗\n  - JS loaded by a fresh browser, /live-events\n`,
    );
    expect(section).toContain(`- **${budgetRows.paint.figure}**, budget ≤ 500 ms: ✗ not measured by this run\n`);
    expect(section).not.toContain("bare node:http");
  });

  test("knows which rows no figure covers", () => {
    expect(uncoveredRows([crawl, heavyPage])).toEqual([
      "paint",
      "clickFeedback",
      "onAirViewers",
      "hiddenTab",
      "handlerOverhead",
      "emulatorThroughput",
      "caseFile",
      "csvExport",
      "alertLatency",
      "alertRound",
    ]);
  });
});
