// The e2e `test`: Playwright's, plus a recorder of every response a console sends to the e2e browsers,
// so e2e/secrets.spec.ts can prove no token reached a browser outside its one-time display.
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { test as base } from "@playwright/test";
import type { Browser, BrowserContext, Response } from "@playwright/test";
import { badTokenPort, cluster, consolePort, responsesDir } from "./servers";

export { expect } from "@playwright/test";

const consolePorts = new Set([String(consolePort), String(badTokenPort), ...cluster.ports.map(String)]);

/** One recorded response: where from, whether it answered a server action, and its text. */
export interface RecordedResponse {
  url: string;
  method: string;
  action: boolean;
  body: string;
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
  const line: RecordedResponse = { url: response.url(), method: request.method(), action: Boolean(request.headers()["next-action"]), body };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

const watched = new WeakSet<BrowserContext>();

function watch(context: BrowserContext, file: string, pending: Set<Promise<void>>): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.on("response", (response) => {
    const done = record(file, response).finally(() => pending.delete(done));
    pending.add(done);
  });
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
      watch(context, responseRecorder.file, responseRecorder.pending);
      await use(undefined);
      await Promise.allSettled([...responseRecorder.pending]);
    },
    { auto: true },
  ],
});
