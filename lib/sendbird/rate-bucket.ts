import "server-only";
import type { SendbirdHost } from "./errors";

/** Per-second budgets the client keeps to, a little under Sendbird's published limits (10 GET/s, 5 writes/s). */
export const clientRates: Record<SendbirdHost, { read: number; write: number }> = {
  calls: { read: 8, write: 4 },
  chat: { read: 8, write: 4 },
};

/** Who a request is for: someone waiting on a page, or a bulk walk (an export) that may wait its turn. */
export type Lane = "interactive" | "bulk";

/** Tokens of each read budget that bulk reads leave alone, so an interactive read always finds one at once. */
const interactiveReserve = 1;

interface Bucket {
  tokens: number;
  updated: number;
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket per host, method and endpoint. Requests over budget wait their turn (reserving a token
 * ahead), so bulk work slows down instead of meeting a 429. A small burst keeps any one-second window
 * within the published limit. Bulk reads never reserve ahead: they queue among themselves and take a token
 * only while `interactiveReserve` more stay in the bucket, so an interactive read never waits behind them.
 */
export class RateBucket {
  private readonly buckets = new Map<string, Bucket>();
  private readonly bulkQueues = new Map<string, Promise<void>>();

  constructor(
    private readonly rates: Record<SendbirdHost, { read: number; write: number }> = clientRates,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: Sleep = realSleep,
  ) {}

  async acquire(host: SendbirdHost, method: string, endpoint: string, lane: Lane = "interactive"): Promise<void> {
    const read = method === "GET";
    const rate = read ? this.rates[host].read : this.rates[host].write;
    const burst = read ? 2 : 1;
    const key = `${host} ${method} ${endpoint}`;
    if (lane === "bulk" && read) return this.queueBulk(key, rate, burst);
    const bucket = this.refill(key, rate, burst);
    bucket.tokens -= 1;
    if (bucket.tokens < 0) await this.sleep((-bucket.tokens * 1000) / rate);
  }

  private refill(key: string, rate: number, burst: number): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, updated: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updated) * rate) / 1000);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Bulk reads of one budget go one at a time in arrival order, so no export overtakes another. */
  private queueBulk(key: string, rate: number, burst: number): Promise<void> {
    const take = () => this.takeSpare(key, rate, burst);
    const turn = (this.bulkQueues.get(key) ?? Promise.resolve()).then(take, take);
    this.bulkQueues.set(key, turn);
    const forget = () => {
      if (this.bulkQueues.get(key) === turn) this.bulkQueues.delete(key);
    };
    turn.then(forget, forget);
    return turn;
  }

  /** Waits until a token is spare beyond the interactive reserve, then takes it. */
  private async takeSpare(key: string, rate: number, burst: number): Promise<void> {
    for (;;) {
      const bucket = this.refill(key, rate, burst);
      const short = 1 + interactiveReserve - bucket.tokens;
      // Looked at again on waking, as a page may have taken tokens meanwhile; a hair short is float rounding.
      if (short <= 1e-9) {
        bucket.tokens -= 1;
        return;
      }
      await this.sleep((short * 1000) / rate);
    }
  }
}
