import { createServer, request } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a client made and the response it got, byte for byte as the client read it. */
export interface Exchange {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  requestHeaders: IncomingHttpHeaders;
  requestBody: string;
  status: number;
  contentType: string;
  /** The raw response body. */
  body: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface Capture {
  /** Where to point a client: the proxy's origin. */
  origin: string;
  /** Hands over every exchange recorded since the last call, oldest first. */
  take(): Exchange[];
  close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Hop-by-hop headers belong to one connection, so the proxy does not pass them on. */
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);

/**
 * A loopback HTTP proxy in front of `target` (an origin) that records every exchange, so a test can check the
 * exact JSON a published client parsed rather than what the client made of it.
 */
export async function startCapture(target: string): Promise<Capture> {
  const upstream = new URL(target);
  let recorded: Exchange[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const requestBody = await readAll(req);
      const headers = { ...req.headers, host: upstream.host };
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, resolve);
        out.on("error", reject);
        out.end(requestBody);
      });
      const body = await readAll(answer);
      const text = body.toString("utf8");
      recorded.push({
        method: req.method ?? "GET",
        url: req.url ?? "/",
        requestHeaders: req.headers,
        requestBody: requestBody.toString("utf8"),
        status: answer.statusCode ?? 0,
        contentType: answer.headers["content-type"] ?? "",
        body: text,
        json: parseJson(text),
      });
      const passed = Object.entries(answer.headers).filter(([name]) => !hopByHop.has(name));
      res.writeHead(answer.statusCode ?? 502, { ...Object.fromEntries(passed), "content-length": body.length });
      res.end(body);
    })().catch((err: unknown) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`capture proxy: ${String(err)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
