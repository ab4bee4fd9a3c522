import "server-only";
import type { SendbirdHost } from "./errors";

/** Per-second budgets the client keeps to, a little under Sendbird's published limits (10 GET/s, 5 writes/s). */
export const clientRates: Record<SendbirdHost, { read: number; write: number }> = {
  calls: { read: 8, write: 4 },
  chat: { read: 8, write: 4 },
};

interface Bucket {
  tokens: number;
  updated: number;
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket per host, method and endpoint. Requests over budget wait their turn (reserving a token
 * ahead), so bulk work slows down instead of meeting a 429. A small burst keeps any one-second window
 * within the published limit.
 */
export class RateBucket {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rates: Record<SendbirdHost, { read: number; write: number }> = clientRates,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: Sleep = realSleep,
  ) {}

  async acquire(host: SendbirdHost, method: string, endpoint: string): Promise<void> {
    const read = method === "GET";
    const rate = read ? this.rates[host].read : this.rates[host].write;
    const burst = read ? 2 : 1;
    const key = `${host} ${method} ${endpoint}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, updated: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updated) * rate) / 1000);
    bucket.updated = now;
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 0) await this.sleep((-bucket.tokens * 1000) / rate);
  }
}
