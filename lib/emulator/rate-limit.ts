import type { ApiHost } from "./errors";

/** Published per-second limits per endpoint: the calls host, and the chat host's free-trial tier. */
export const publishedLimits: Record<"calls" | "chat", Record<string, number>> = {
  calls: { GET: 10, POST: 5, PUT: 5, DELETE: 5 },
  chat: { GET: 10, POST: 5, PUT: 5, DELETE: 5 },
};

const windowMs = 1000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a request would be allowed again. */
  retryAfter: number;
}

/** Sliding one-second windows per host, method and endpoint (route template), as Sendbird counts them. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  enabled: boolean;

  constructor(
    enabled: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.enabled = enabled;
  }

  check(host: ApiHost, method: string, endpoint: string): RateDecision | null {
    if (!this.enabled || host === "control") return null;
    const limit = publishedLimits[host][method] ?? publishedLimits[host].GET ?? 10;
    const key = `${host} ${method} ${endpoint}`;
    const now = this.now();
    const stamps = (this.windows.get(key) ?? []).filter((t) => now - t < windowMs);
    if (stamps.length >= limit) {
      this.windows.set(key, stamps);
      const oldest = stamps[0] ?? now;
      return { allowed: false, limit, remaining: 0, retryAfter: Math.max(0.001, (oldest + windowMs - now) / 1000) };
    }
    stamps.push(now);
    this.windows.set(key, stamps);
    return { allowed: true, limit, remaining: limit - stamps.length, retryAfter: 0 };
  }

  reset(): void {
    this.windows.clear();
  }
}
