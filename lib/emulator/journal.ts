/** One request as the emulator saw it, with every secret masked. */
export interface JournalEntry {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: string;
  token: string;
  status: number;
  code: number | null;
  duration_ms: number;
  fault: string | null;
  body: unknown;
}

const secretKeys = new Set(["secret_key", "access_key", "token", "access_token", "api_token", "http_api_token", "stream_key", "session_token"]);

/** Shows only the last four characters of a secret. */
export function maskSecret(value: string): string {
  return value.length <= 4 ? "****" : `****${value.slice(-4)}`;
}

/** Copies a JSON body with secret-looking fields masked, cut to a sane size. */
export function maskBody(body: unknown, depth = 0): unknown {
  if (depth > 4) return "…";
  if (Array.isArray(body)) return body.slice(0, 50).map((v) => maskBody(v, depth + 1));
  if (body !== null && typeof body === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body).slice(0, 50)) {
      out[key] = secretKeys.has(key.toLowerCase()) && typeof value === "string" ? maskSecret(value) : maskBody(value, depth + 1);
    }
    return out;
  }
  if (typeof body === "string" && body.length > 500) return `${body.slice(0, 500)}…`;
  return body;
}

/** Masks path segments that are secrets (secondary API tokens). */
export function maskPath(path: string): string {
  return path.replace(/(\/applications\/api_tokens\/)([^/]+)/, (_m, prefix: string, token: string) => prefix + maskSecret(token));
}

/** A ring buffer of the last requests. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 500) {}

  record(entry: Omit<JournalEntry, "seq">): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  last(n: number): JournalEntry[] {
    return this.entries.slice(-n).reverse();
  }

  clear(): void {
    this.entries = [];
  }
}
