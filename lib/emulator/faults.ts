import { z } from "zod";

/** A fault to inject: matched by method and path pattern, then delays, fails or drops the request. */
export const faultInputSchema = z
  .object({
    method: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(["*", "GET", "POST", "PUT", "DELETE"]))
      .default("*"),
    /** A path such as `/v1/live-events/*`; `*` matches anything (slashes included), `{name}` one segment. */
    path: z.string().min(1).max(500).startsWith("/"),
    status: z.number().int().min(400).max(599).optional(),
    code: z.number().int().positive().optional(),
    message: z.string().max(500).optional(),
    latency_ms: z.number().int().min(0).max(60_000).optional(),
    probability: z.number().min(0).max(1).default(1),
    /** How many requests it hits before it expires; unlimited when absent. */
    count: z.number().int().positive().optional(),
    /** Close the connection without an answer. */
    drop: z.boolean().default(false),
    /** Let the request do its work first, then delay, fail or drop its answer: a change made whose answer is lost. */
    after: z.boolean().optional(),
    /** For injected 429s: the `X-RateLimit-RetryAfter` seconds. */
    retry_after: z.number().min(0).max(60).optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latency_ms !== undefined || f.drop, {
    message: "A fault needs a status, a latency_ms or drop: true.",
  });
export type FaultInput = z.infer<typeof faultInputSchema>;

export interface Fault extends FaultInput {
  id: string;
  hits: number;
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split(/(\*|\{[^}]*\})/)
    .map((part) => (part === "*" ? ".*" : /^\{[^}]*\}$/.test(part) ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${escaped}/?$`);
}

/** The active faults, checked in the order they were added. */
export class FaultRegistry {
  private faults: (Fault & { regexp: RegExp })[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultInput): Fault {
    const fault = { ...input, id: `fault_${this.nextId++}`, hits: 0, regexp: patternToRegExp(input.path) };
    this.faults.push(fault);
    return this.describe(fault);
  }

  list(): Fault[] {
    return this.faults.map((f) => this.describe(f));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault that hits this request, if any; counts it and expires spent faults. */
  match(method: string, path: string): Fault | null {
    if (this.faults.length === 0) return null;
    for (const fault of this.faults) {
      if (fault.method !== "*" && fault.method !== method) continue;
      if (!fault.regexp.test(path)) continue;
      if (fault.probability < 1 && this.random() >= fault.probability) continue;
      fault.hits += 1;
      if (fault.count !== undefined && fault.hits >= fault.count) this.remove(fault.id);
      return this.describe(fault);
    }
    return null;
  }

  private describe(fault: Fault & { regexp: RegExp }): Fault {
    const { regexp: _regexp, ...rest } = fault;
    return rest;
  }
}
