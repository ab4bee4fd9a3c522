// npm run bench: measures the budgets of ARCHITECTURE §7 and prints one line per figure.
import { cpus, totalmem } from "node:os";
import { activityFigures } from "./bench/activity";
import { consoleFigures } from "./bench/console";
import { databaseFigures } from "./bench/database";
import { emulatorThroughput } from "./bench/emulator-throughput";
import { exportFigures } from "./bench/export";
import type { Figure } from "./bench/figure";

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Showrunner benchmarks on ${machine}`);

const figures: Figure[] = [...(await emulatorThroughput()), ...(await consoleFigures()), ...(await databaseFigures()), ...(await exportFigures()), ...(await activityFigures())];
let failed = 0;
for (const f of figures) {
  if (!f.ok) failed += 1;
  console.log(`${f.ok ? "ok  " : "MISS"}  ${f.name}: ${f.value}${f.budget === "—" ? "" : `  (budget ${f.budget})`}`);
}
process.exit(failed > 0 ? 1 : 0);
