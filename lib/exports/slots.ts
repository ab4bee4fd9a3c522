import "server-only";

/** Exports one account may run at once in one console process. */
export const exportsPerAccount = 2;

/**
 * How many exports each account is running in this process. Per process, like the Sendbird rate budget
 * these exports would otherwise drain (lib/sendbird/server.ts): each instance of a cluster guards its own.
 */
export class ExportSlots {
  private readonly running = new Map<string, number>();

  constructor(readonly perAccount = exportsPerAccount) {}

  /** Takes one of the account's slots and returns its release (safe to call twice), or null while all are taken. */
  take(accountId: string): (() => void) | null {
    const now = this.running.get(accountId) ?? 0;
    if (now >= this.perAccount) return null;
    this.running.set(accountId, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(accountId) ?? 1) - 1;
      if (left > 0) this.running.set(accountId, left);
      else this.running.delete(accountId);
    };
  }

  /** The exports the account is running now. */
  count(accountId: string): number {
    return this.running.get(accountId) ?? 0;
  }
}

// Held on globalThis, like the database, so every bundle that loads this module shares one count.
const processWide = globalThis as typeof globalThis & { showrunnerExportSlots?: ExportSlots };

/** The process's one set of export slots, whichever route's module graph asks. */
export function exportSlots(): ExportSlots {
  processWide.showrunnerExportSlots ??= new ExportSlots();
  return processWide.showrunnerExportSlots;
}
