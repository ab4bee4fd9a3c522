import { expect } from "vitest";
import { startTestEmulator } from "../testing/harness";
import { startCapture } from "./capture";
import type { Exchange } from "./capture";
import { checkModel } from "./published-models";
import type { Allowance } from "./published-models";

/** What a published client tells its caller about a failed call. */
export interface SdkError {
  status: number | undefined;
  code: number | undefined;
}

export interface Contract {
  /** Give this to the client under test: the capture proxy in front of the emulator. */
  origin: string;
  master: string;
  /**
   * Runs one client call, checks the one response it caused against `model` (the type the client
   * deserialises it into) with only the `allowed` exceptions, and hands back the client's result.
   */
  call<T>(model: string, run: () => Promise<T>, allowed?: Allowance[]): Promise<T>;
  /** As `call`, also handing back the JSON the emulator sent, for answers the client's model cannot hold. */
  callForJson<T>(model: string, run: () => Promise<T>, allowed?: Allowance[]): Promise<{ result: T; json: unknown }>;
  /** Runs one client call that must fail with the documented Sendbird error `code`. */
  fails(code: number, run: () => Promise<unknown>): Promise<void>;
  /** Plain fetch through the capture, for an endpoint no client has a method for. */
  fetch(method: string, path: string, model: string): Promise<Exchange>;
  close(): Promise<void>;
}

function only(exchanges: Exchange[]): Exchange {
  expect(
    exchanges.map((e) => `${e.method} ${e.url}`),
    "one request per call",
  ).toHaveLength(1);
  const [exchange] = exchanges;
  if (!exchange) throw new Error("The call sent no request.");
  return exchange;
}

function expectPublished(exchange: Exchange, model: string, allowed: Allowance[]): void {
  const label = `${exchange.method} ${exchange.url}`;
  expect(exchange.status, `${label}: ${exchange.body}`).toBe(200);
  // Both clients refuse or mangle a body that is not JSON, so every answer, even an empty one, is JSON.
  expect(exchange.contentType, label).toMatch(/^application\/json/);
  expect(exchange.json, `${label} answers JSON`).toBeDefined();
  const { mismatches, used } = checkModel(exchange.json, model, allowed);
  expect(mismatches, label).toEqual([]);
  expect(used, `${label} needs every exception it names`).toEqual(allowed);
}

/**
 * Puts a capture proxy in front of the emulator at `target` (an origin) whose master token is `master`;
 * `sdkError` reads a client's rejection. Closing it leaves the emulator running.
 */
export async function contractWith(target: string, master: string, sdkError: (err: unknown) => SdkError): Promise<Contract> {
  const capture = await startCapture(target);
  const callForJson: Contract["callForJson"] = async (model, run, allowed = []) => {
    const result = await run();
    const exchange = only(capture.take());
    expectPublished(exchange, model, allowed);
    return { result, json: exchange.json };
  };
  return {
    origin: capture.origin,
    master,
    callForJson,
    call: async (model, run, allowed) => (await callForJson(model, run, allowed)).result,
    async fails(code, run) {
      const outcome = await run().then(
        () => ({ failed: false, err: undefined }),
        (err: unknown) => ({ failed: true, err }),
      );
      const exchange = only(capture.take());
      expect(outcome.failed, `${exchange.method} ${exchange.url} fails`).toBe(true);
      // https://sendbird.com/docs/chat/v3/platform-api/error-codes: HTTP 400 with exactly error, code and message.
      expect({ status: exchange.status, json: exchange.json }).toEqual({ status: 400, json: { error: true, code, message: expect.any(String) } });
      expect(sdkError(outcome.err)).toEqual({ status: 400, code });
    },
    async fetch(method, path, model) {
      await fetch(capture.origin + path, { method, headers: { "api-token": master } });
      const exchange = only(capture.take());
      expectPublished(exchange, model, []);
      return exchange;
    },
    close: () => capture.close(),
  };
}

/** An empty emulator with a frozen clock behind a capture proxy; closing the contract stops both. */
export async function startContract(sdkError: (err: unknown) => SdkError): Promise<Contract> {
  const emulator = await startTestEmulator();
  const contract = await contractWith(emulator.running.origin, emulator.master, sdkError);
  return {
    ...contract,
    async close() {
      await contract.close();
      await emulator.close();
    },
  };
}
