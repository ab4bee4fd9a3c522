import "server-only";

/**
 * Bounds concurrent password checks in this process. Each Argon2id check holds 19 MiB and a thread for tens of
 * milliseconds, so a flood of sign-ins would otherwise queue real ones behind it for tens of seconds. One
 * address may hold only a few checks at once and is refused at once beyond that; others wait briefly for a
 * free slot and are refused (429) when none frees up, so a refusal is quick and a real sign-in from
 * elsewhere finds a slot.
 */
export class Admission {
  private running = 0;
  private readonly perKey = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: { slots: number; perKey: number; queue: number; waitMs: number }) {}

  /** A release function once admitted, or null when refused. */
  async enter(key: string): Promise<(() => void) | null> {
    const mine = this.perKey.get(key) ?? 0;
    if (mine >= this.limits.perKey) return null;
    this.perKey.set(key, mine + 1);
    if (this.running < this.limits.slots) this.running += 1;
    else if (!(await this.wait())) {
      this.leaveKey(key);
      return null;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.leaveKey(key);
      // The slot passes straight to the longest waiter, so a newcomer cannot take it in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }

  private leaveKey(key: string): void {
    const left = (this.perKey.get(key) ?? 1) - 1;
    if (left <= 0) this.perKey.delete(key);
    else this.perKey.set(key, left);
  }

  private wait(): Promise<boolean> {
    if (this.waiting.length >= this.limits.queue) return Promise.resolve(false);
    return new Promise((done) => {
      const wake = () => {
        clearTimeout(timer);
        done(true);
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(wake);
        if (i !== -1) this.waiting.splice(i, 1);
        done(false);
      }, this.limits.waitMs);
      this.waiting.push(wake);
    });
  }
}

/** The console's gate for password checks: four at a time (the thread pool's size), two per address. */
export const passwordChecks = new Admission({ slots: 4, perKey: 2, queue: 32, waitMs: 2_000 });
