// A webhook receiver for tests: a real HTTP server on loopback that keeps what it was sent and answers as told.
import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the receiver got it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers: a status code, or never (the request hangs until the client gives up or the receiver closes). */
export type Answer = number | "hang";

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hook`. */
  url: string;
  /** Every request so far, oldest first, including those left hanging. */
  requests: ReceivedRequest[];
  /** How the next requests are answered (200 at first). */
  answer(with_: Answer): void;
  /** The first request, received or still to come, that matches; rejects after `timeoutMs` (default 5 s). */
  waitFor(predicate: (request: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 at a free port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiting = new Set<() => void>();
  let answer: Answer = 200;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      for (const wake of waiting) wake();
      if (answer === "hang") return;
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    answer(with_) {
      answer = with_;
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find(predicate);
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching request within ${timeoutMs} ms; received: ${requests.map((r) => r.body.slice(0, 80)).join(" | ")}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    close() {
      // Hanging requests would keep close() waiting for ever.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
