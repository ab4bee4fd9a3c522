import { execFileSync } from "node:child_process";
import { arch, cpus, platform, release, totalmem } from "node:os";
import { budgetRows } from "./figure";
import type { BudgetRow, Figure } from "./figure";

/** Where and when the figures were measured. */
export interface Run {
  at: Date;
  commit: string;
  machine: string;
  command: string;
}

/** This run: now, the checked-out commit (noting uncommitted changes), and this machine. */
export function thisRun(command: string): Run {
  return { at: new Date(), commit: commit(), machine: machine(), command };
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function commit(): string {
  const head = git(["rev-parse", "--short", "HEAD"]);
  if (head === null) return "unknown (not a git checkout)";
  return git(["status", "--porcelain"]) ? `${head} + uncommitted changes` : head;
}

/** CPU count × model, memory, Node version and OS. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${platform()} ${release()} (${arch()})`;
}

/** ✓ met, ✗ missed (or could not be measured), — no budget. */
export function met(figure: Figure): string {
  if (!figure.ok) return "✗";
  return figure.budget === "—" ? "—" : "✓";
}

/** The budgets (docs/ARCHITECTURE.md, Budgets) that no figure of this run measures. */
export function uncoveredRows(figures: Figure[]): BudgetRow[] {
  return (Object.keys(budgetRows) as BudgetRow[]).filter((row) => !figures.some((f) => f.row === row));
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The run and its figures as the Markdown of docs/benchmarks.md. */
export function renderReport(run: Run, figures: Figure[]): string {
  const at = `${run.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const lines = [
    "# Benchmarks",
    "",
    `- Run: ${at}`,
    `- Commit: ${run.commit}`,
    `- Machine: ${run.machine}`,
    `- Command: \`${run.command}\``,
    "",
    "| Figure | Result | Budget | Met |",
    "|---|---|---|---|",
    ...figures.map((f) => `| ${cell(f.name)} | ${cell(f.value)} | ${cell(f.budget)} | ${met(f)} |`),
    "",
    "## Budgets",
    "",
  ];
  for (const [key, row] of Object.entries(budgetRows) as [BudgetRow, (typeof budgetRows)[BudgetRow]][]) {
    const measured = figures.filter((f) => f.row === key);
    const verdict = measured.length === 0 ? "✗ not measured by this run" : measured.every((f) => f.ok) ? "✓" : "✗";
    lines.push(`- **${row.figure}**, budget ${row.budget}: ${verdict}`);
    for (const f of measured) lines.push(`  - ${f.name}`);
  }
  return `${lines.join("\n")}\n`;
}
