// The e2e `test`: Playwright's, plus a recorder of every response a console sends to the e2e browsers,
// so e2e/secrets.spec.ts can prove no token reached a browser outside its one-time display.
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base } from "@playwright/test";
import type { APIResponse, Browser, BrowserContext, Request, Response, Route } from "@playwright/test";
import { badTokenPort, cluster, consolePort, responsesDir } from "./servers";

import { expect } from "@playwright/test";

export { expect };

const consolePorts = new Set([String(consolePort), String(badTokenPort), ...cluster.ports.map(String)]);

/** One recorded response: where from, whether it answered a server action, and its text. */
export interface RecordedResponse {
  url: string;
  method: string;
  action: boolean;
  body: string;
}

/** Every response recorded so far, by every worker. */
export function recorded(): RecordedResponse[] {
  return readdirSync(responsesDir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(join(responsesDir, f), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as RecordedResponse),
    );
}

/**
 * Waits until the answer of a server action holding `text` is recorded. A page that moves on (a reload)
 * before the recorder has read an answer's body loses it (Chromium drops it), and the secrets scan, which
 * needs at least one one-time display to prove it can see one, would have none.
 */
export async function answerRecorded(text: string): Promise<void> {
  await expect
    .poll(() => recorded().some((r) => r.action && r.body.includes(text)), { message: "the action's answer is recorded for the secrets scan" })
    .toBe(true);
}

async function record(file: string, response: Response): Promise<void> {
  const url = new URL(response.url());
  // Only the consoles' own answers; the client bundle is scanned as built, not once per page.
  if (!consolePorts.has(url.port) || url.pathname.startsWith("/_next/static/")) return;
  const type = response.headers()["content-type"] ?? "";
  if (!/text|json|x-component|csv|javascript/.test(type)) return;
  let body: string;
  try {
    body = await response.text();
  } catch {
    return; // A redirect or an aborted request has no body to hold a secret.
  }
  const request = response.request();
  const line: RecordedResponse = { url: response.url(), method: request.method(), action: false, body };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

const isAction = (request: Request) => request.method() === "POST" && Boolean(request.headers()["next-action"]);

/**
 * A server action's answer, taken on its way to the page: Chromium does not always keep the body of an answer
 * the page reads as a stream, and the one-time display of a new token is such an answer.
 */
async function recordAction(file: string, route: Route): Promise<void> {
  if (!isAction(route.request())) return route.fallback();
  let response: APIResponse;
  let body: string;
  try {
    response = await route.fetch({ maxRedirects: 0 });
    body = await response.text();
  } catch {
    // The page or its context closed while the answer was on its way (a test ending): nothing reaches a page.
    return route.abort("connectionfailed").catch(() => undefined);
  }
  const line: RecordedResponse = { url: route.request().url(), method: "POST", action: true, body };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
  await route.fulfill({ response, body }).catch(() => undefined);
}

const watched = new WeakSet<BrowserContext>();

/** What the browsers reported going wrong during the current test, checked when it ends. */
const problems: string[] = [];
/** Pages that answered with an error status (a 403 or 404 the test asked for): the browser logs those too. */
const refusedPages = new Set<string>();

/** How a request the test itself holds back fails. */
const heldBack = "net::ERR_BLOCKED_BY_CLIENT";

function watchProblems(context: BrowserContext): void {
  context.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes(heldBack)) problems.push(`console error: ${message.text()} [${message.location().url}]`);
  });
  context.on("weberror", (error) => problems.push(`uncaught error: ${error.error().message}`));
  context.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // A navigation, or a newer request, cancels what the page was still fetching: not a fault; nor is a
    // request the test held back (e2e/requests.ts, `captureAction`).
    if (reason === "net::ERR_ABORTED" || reason.startsWith(heldBack)) return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  context.on("response", (response) => {
    if (response.request().isNavigationRequest() && response.status() >= 400) refusedPages.add(response.url());
  });
}

/** The faults the current test declared with `intendFaults`. */
const intended: RegExp[] = [];

/**
 * Declares what the current test makes go wrong on purpose (an upstream failure, a sanitised attack), as
 * patterns of the problems the browser reports (for a whole file, call it in a beforeEach); any other
 * console error, uncaught error or failed request fails the test.
 */
export function intendFaults(...patterns: RegExp[]): void {
  intended.push(...patterns);
}

/**
 * A password refused (401) or a sign-in held back (429) is the answer's status, which the browser logs; the
 * form says it in words. Like a refused page, it is the console answering, not a fault.
 */
const refusedSignIn = /status of (401|429) .*\/api\/auth\/callback\/credentials\]$/;

/** The problems that are neither a refused page the test opened nor one of the faults it causes on purpose. */
function unexpectedProblems(): string[] {
  const refusal = /^console error: Failed to load resource: the server responded with a status of \d+ .*\[(.*)\]$/;
  const allowed = [refusedSignIn, ...intended];
  return problems.filter((p) => !refusedPages.has(refusal.exec(p)?.[1] ?? "") && !allowed.some((r) => r.test(p)));
}

function watch(context: BrowserContext, file: string, pending: Set<Promise<void>>): void {
  if (watched.has(context)) return;
  watched.add(context);
  watchProblems(context);
  context.on("response", (response) => {
    if (isAction(response.request())) return;
    const done = record(file, response).finally(() => pending.delete(done));
    pending.add(done);
  });
  void context.route(
    (url) => consolePorts.has(url.port),
    (route) => recordAction(file, route),
  );
}

interface Recorder {
  file: string;
  pending: Set<Promise<void>>;
}

export const test = base.extend<{ contextRecorder: undefined }, { responseRecorder: Recorder }>({
  // The worker's file, and every context a test opens itself (a second account's browser).
  responseRecorder: [
    async ({ browser }: { browser: Browser }, use, workerInfo) => {
      mkdirSync(responsesDir, { recursive: true });
      const recorder = { file: join(responsesDir, `worker-${workerInfo.workerIndex}-${process.pid}.jsonl`), pending: new Set<Promise<void>>() };
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext(...args);
        watch(context, recorder.file, recorder.pending);
        return context;
      };
      await use(recorder);
      await Promise.allSettled([...recorder.pending]);
    },
    { scope: "worker", auto: true },
  ],
  // The test's own context, which Playwright makes without going through `browser.newContext`.
  contextRecorder: [
    async ({ context, responseRecorder }, use) => {
      problems.length = 0;
      intended.length = 0;
      refusedPages.clear();
      watch(context, responseRecorder.file, responseRecorder.pending);
      await use(undefined);
      await Promise.allSettled([...responseRecorder.pending]);
      expect(unexpectedProblems(), "the browser reported no error the test did not cause on purpose").toEqual([]);
    },
    { auto: true },
  ],
});
