import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorError, errorBody } from "./errors";
import type { Emulator } from "./emulator";
import { maxBodyBytes } from "./http";
import { hostOf } from "./router";

export interface RunningEmulator {
  server: Server;
  port: number;
  /** e.g. http://127.0.0.1:8090 */
  origin: string;
  callsBaseUrl: string;
  chatBaseUrl: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Uint8Array | null> {
  if (req.method === "GET" || req.method === "HEAD") {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners("data");
        req.resume();
        reject(new EmulatorError("too_large", `The request body is larger than ${maxBodyBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 0 ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function serve(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  const pathname = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? "" : raw.slice(q);
  let body: Uint8Array | null;
  try {
    body = await readBody(req);
  } catch (err) {
    const { status, body: errBody } = errorBody(
      hostOf(pathname) ?? "calls",
      err instanceof EmulatorError ? err : new EmulatorError("invalid", "Unreadable body."),
    );
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
    res.end(JSON.stringify(errBody));
    return;
  }
  const result = await emulator.handle({
    method: (req.method ?? "GET").toUpperCase(),
    pathname,
    search,
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
    },
    body,
  });
  if (result.drop) {
    req.socket.destroy();
    return;
  }
  res.writeHead(result.status, result.headers);
  res.end(result.body);
}

/** Serves an emulator over HTTP on loopback; port 0 picks a free port. */
export function serveEmulator(emulator: Emulator, options: { port?: number; host?: string } = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    serve(emulator, req, res).catch((err: unknown) => {
      console.error("emulator: request failed", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: true, code: 500999, type: "UNKNOWN_ERROR", message: "Unexpected server error." }));
    });
  });
  server.keepAliveTimeout = 5_000;
  // Requests Node refuses before routing (oversized URL or headers, garbage) still get a JSON answer.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      error: true,
      code: 400100,
      type: "INVALID_PARAMS",
      message: tooLarge ? "The request line or headers are too large." : "Malformed HTTP request.",
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      const origin = `http://${host}:${port}`;
      resolve({
        server,
        port,
        origin,
        callsBaseUrl: `${origin}/v1`,
        chatBaseUrl: `${origin}/v3`,
        close: () =>
          new Promise<void>((done) => {
            emulator.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
