// No "server-only": the console's HTTP server (scripts/serve.ts) and the launcher log through this too.
// It holds no secret, and drops any field named like one.
import { format, stripVTControlCharacters } from "node:util";
import { requestContext } from "./request-context";

export type Level = "debug" | "info" | "warn" | "error";
export type Fields = Record<string, string | number | boolean | null | undefined>;

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/** Field names whose values are never written, whatever a caller passes. */
const secretName = /token|password|secret|authorization|cookie|api[-_]?key/i;
/** Fields that name a token without being one. */
const allowed = new Set(["tokenLast4"]);

export interface LogOptions {
  format: "json" | "text";
  level: Level;
  write(line: string): void;
}

function fromEnvironment(): LogOptions {
  const format = process.env.LOG_FORMAT === "json" || process.env.LOG_FORMAT === "text" ? process.env.LOG_FORMAT : process.stdout.isTTY ? "text" : "json";
  const level = (["debug", "info", "warn", "error"] as const).find((l) => l === process.env.LOG_LEVEL) ?? "info";
  return { format, level, write: (line) => process.stdout.write(`${line}\n`) };
}

let options: LogOptions | undefined;

/** Replaces how lines are written (tests); undefined goes back to the environment's settings. */
export function configureLog(next: LogOptions | undefined): void {
  options = next;
}

function current(): LogOptions {
  return (options ??= fromEnvironment());
}

/** Whether a line at `level` would be written: lets a caller skip building fields no one reads. */
export function logs(level: Level): boolean {
  return rank[level] >= rank[current().level];
}

function clean(fields: Fields): Fields {
  const kept: Fields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    kept[name] = secretName.test(name) && !allowed.has(name) ? "[redacted]" : value;
  }
  return kept;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

function text(level: Level, message: string, fields: Fields, time: Date): string {
  const parts = Object.entries(fields).map(([name, value]) => {
    const shown = String(value);
    return `${name}=${/[\s"=]/.test(shown) || shown === "" ? JSON.stringify(shown) : shown}`;
  });
  return `${time.toISOString().slice(11, 23)} ${pad(level.toUpperCase(), 5)} ${message}${parts.length > 0 ? `  ${parts.join(" ")}` : ""}`;
}

/**
 * Writes one line: JSON (`time`, `level`, `msg`, the request or task it belongs to, then `fields`) or text.
 * `fields` are plain values; a field named like a secret is written as "[redacted]".
 */
export function writeLog(level: Level, message: string, fields: Fields = {}): void {
  if (!logs(level)) return;
  const context = requestContext();
  const all = clean({
    requestId: context && !context.task ? context.id : undefined,
    task: context?.task,
    runId: context?.task ? context.id : undefined,
    ...fields,
  });
  const time = new Date();
  const { format: shape, write } = current();
  write(shape === "json" ? JSON.stringify({ time: time.toISOString(), level, msg: message, ...all }) : text(level, message, all, time));
}

/** An error's message for a log field, never its stack's secrets (none are put there) or an object dump. */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.name && err.name !== "Error" ? `${err.name}: ${err.message}` : err.message;
}

/**
 * In JSON format, turns what anything in the process writes with `console` (Next's own start-up lines, a
 * library's warning) into log lines too, so every line of output is one JSON object a collector can read.
 */
export function captureConsole(): void {
  if (current().format !== "json") return;
  const as =
    (level: Level) =>
    (...args: unknown[]) =>
      writeLog(level, stripVTControlCharacters(format(...args)).trim());
  Object.assign(console, { debug: as("debug"), log: as("info"), info: as("info"), warn: as("warn"), error: as("error") });
}

/** How background work reports: a problem at warn, a recovery or a milestone at info. */
export type TaskLog = (message: string, level?: "info" | "warn", fields?: Fields) => void;

/** The default TaskLog: the process's log. */
export const taskLog: TaskLog = (message, level = "warn", fields) => writeLog(level, message, fields);

export const log = {
  debug: (message: string, fields?: Fields) => writeLog("debug", message, fields),
  info: (message: string, fields?: Fields) => writeLog("info", message, fields),
  warn: (message: string, fields?: Fields) => writeLog("warn", message, fields),
  error: (message: string, fields?: Fields) => writeLog("error", message, fields),
};
