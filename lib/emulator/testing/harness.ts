import { createEmulator, defaultMasterToken } from "../emulator";
import type { Emulator, EmulatorOptions } from "../emulator";
import { serveEmulator } from "../server";
import type { RunningEmulator } from "../server";

/** Fixed start time for tests: 2026-11-01T12:00:00Z. */
export const testNow = Date.UTC(2026, 10, 1, 12, 0, 0);

export interface TestEmulator {
  emulator: Emulator;
  running: RunningEmulator;
  master: string;
  /** Sends a request over real HTTP; `token: null` sends none. The body is JSON unless `raw` is given. */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** Shorthand for the control plane with the master token. */
  control(method: string, path: string, body?: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON (or the text when it is not JSON). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the shape of the endpoint it calls; a typed result per endpoint would only restate the spec under test
  json: any;
}

/** Starts an emulator on a random loopback port with a frozen clock, empty unless a seed is given. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = createEmulator({ seed: null, rateLimits: false, clock: { frozenAt: testNow }, ...options });
  const running = await serveEmulator(emulator, { port: 0 });
  const master = options.masterToken ?? defaultMasterToken;
  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf8", ...opts.headers };
    const token = opts.token === undefined ? master : opts.token;
    if (token !== null) headers["api-token"] = token;
    const raw = typeof opts.raw === "string" || opts.raw === undefined ? opts.raw : new Blob([Buffer.from(opts.raw)]);
    const body = raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const res = await fetch(running.origin + path, { method, headers, body });
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, json };
  };
  return {
    emulator,
    running,
    master,
    call,
    control: (method, path, body) => call(method, `/__emulator${path}`, { body }),
    close: () => running.close(),
  };
}
