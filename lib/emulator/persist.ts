// The demo world kept in a file, so `npm start` in emulator mode finds the events it created and the tokens it
// revoked after a restart, as the console's own database does.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Emulator } from "./emulator";

export class WorldFileError extends Error {
  constructor(file: string, why: string) {
    super(`The saved demo world in ${file} cannot be read (${why}). Start over with \`npm start -- --start-over\`, or move the file away.`);
    this.name = "WorldFileError";
  }
}

/** Replaces the emulator's world with the one saved in `file`; false when there is none yet. A file that does not parse changes nothing. */
export function loadWorld(emulator: Emulator, file: string): boolean {
  if (!existsSync(file)) return false;
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new WorldFileError(file, err instanceof Error ? err.message : String(err));
  }
  const imported = emulator.store.importState(saved);
  if (!imported.ok) throw new WorldFileError(file, imported.message);
  return true;
}

/**
 * Writes the world to `file` now and every `intervalMs` while it changes, whole or not at all (a new file
 * renamed over the old), readable by its owner only. `stop()` writes once more and ends the timer.
 */
export function keepWorld(emulator: Emulator, file: string, intervalMs = 15_000): { save(): void; stop(): void } {
  let written = "";
  const save = () => {
    const text = JSON.stringify(emulator.store.exportState());
    if (text === written) return;
    writeFileSync(`${file}.new`, text, { mode: 0o600 });
    renameSync(`${file}.new`, file);
    written = text;
  };
  const timer = setInterval(() => {
    try {
      save();
    } catch (err) {
      console.error(`showrunner: the demo world could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, intervalMs);
  timer.unref();
  save();
  return {
    save,
    stop: () => {
      clearInterval(timer);
      save();
    },
  };
}
