import { expect } from "vitest";
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
  /**
   * Parsed JSON (or the text when it is not JSON). Untyped on purpose: each test reads the shape of the
   * endpoint it calls, and a typed result per endpoint would only restate the spec under test.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the comment above
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

/** A Live or Calls error answer: this status and code, `error: true`, a message, and this `type` when one is given. */
export function expectCallsError(res: CallResult, status: number, code: number, type?: string): void {
  expect({ status: res.status, code: res.json?.code, error: res.json?.error }).toEqual({ status, code, error: true });
  expect(typeof res.json.message).toBe("string");
  if (type !== undefined) expect(res.json.type).toBe(type);
}

/** A Chat error answer: this code, `error: true` and a message, with HTTP 400 unless told otherwise. */
export function expectChatError(res: CallResult, code: number, status = 400): void {
  expect({ status: res.status, code: res.json?.code, error: res.json?.error }).toEqual({ status, code, error: true });
  expect(typeof res.json.message).toBe("string");
}

/** Chat users to host, call or join with; each nickname is the id in capitals. */
export async function createUsers(t: TestEmulator, ...ids: string[]): Promise<void> {
  for (const user_id of ids) {
    const res = await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id.toUpperCase(), profile_url: "" } });
    expect(res.status).toBe(200);
  }
}

/** Moves the frozen clock on. */
export async function advance(t: TestEmulator, ms: number): Promise<void> {
  expect((await t.control("POST", "/clock/advance", { ms })).status).toBe(200);
}
