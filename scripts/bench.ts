// npm run bench: measures the budgets of docs/ARCHITECTURE.md, prints one line per figure and writes docs/benchmarks.md.
import { writeFileSync } from "node:fs";
import { activityFigures, syncPassCostFigures } from "./bench/activity";
import { alertFigures } from "./bench/alerts";
import { backgroundWorkFigures } from "./bench/background-work";
import { callsOverviewFigures } from "./bench/calls-overview";
import { clientDataFigures } from "./bench/client-data";
import { consoleFigures } from "./bench/console";
import { databaseFigures } from "./bench/database";
import { emulatorThroughput } from "./bench/emulator-throughput";
import { exportFigures } from "./bench/export";
import { memoryFigures } from "./bench/memory";
import { budgetRows } from "./bench/figure";
import { signInFloodFigures } from "./bench/sign-in-flood";
import { startUpFigures } from "./bench/start-up";
import type { Figure } from "./bench/figure";
import { renderReport, thisRun, uncoveredRows } from "./bench/report";

const run = thisRun("npm run bench");
console.log(`Showrunner benchmarks on ${run.machine}`);

/** A group of figures; one that throws becomes a missed figure, so the report is written whatever happens. */
async function measure(group: string, figures: () => Promise<Figure[]>): Promise<Figure[]> {
  try {
    return await figures();
  } catch (err) {
    return [{ name: `${group}: could not be measured`, value: err instanceof Error ? err.message : String(err), budget: "—", ok: false }];
  }
}

const figures: Figure[] = [
  // First: it builds the console the other groups start.
  ...(await measure("npm start", startUpFigures)),
  ...(await measure("emulator throughput", emulatorThroughput)),
  ...(await measure("console", consoleFigures)),
  ...(await measure("browser side", clientDataFigures)),
  ...(await measure("database", databaseFigures)),
  ...(await measure("CSV export", exportFigures)),
  ...(await measure("activity sync", activityFigures)),
  ...(await measure("sync pass cost", syncPassCostFigures)),
  ...(await measure("background work beside pages", backgroundWorkFigures)),
  ...(await measure("calls overview", callsOverviewFigures)),
  ...(await measure("alerts", alertFigures)),
  ...(await measure("console memory", memoryFigures)),
  ...(await measure("sign-in during a flood", signInFloodFigures)),
];
let failed = 0;
for (const f of figures) {
  if (!f.ok) failed += 1;
  console.log(`${f.ok ? "ok  " : "MISS"}  ${f.name}: ${f.value}${f.budget === "—" ? "" : `  (budget ${f.budget})`}`);
}
for (const row of uncoveredRows(figures)) {
  failed += 1;
  console.log(`MISS  not measured: ${budgetRows[row].figure}`);
}
const report = new URL("../docs/benchmarks.md", import.meta.url);
writeFileSync(report, renderReport(run, figures));
console.log("Written to docs/benchmarks.md");
process.exit(failed > 0 ? 1 : 0);
