import { EmulatorError } from "./errors";
import type { ApiHost } from "./errors";

/** The transport-neutral request the emulator core handles (built from a fetch Request or node:http). */
export interface CoreRequest {
  method: string;
  pathname: string;
  search: string;
  header(name: string): string | null;
  body: Uint8Array | null;
}

/** The core's answer; `drop` asks the transport to cut the connection without answering. */
export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  drop?: boolean;
}

export const maxBodyBytes = 1024 * 1024;

export const jsonHeaders = { "content-type": "application/json; charset=utf-8" };

/** Reads a body stream, refusing anything over the limit without buffering it all. */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, limit = maxBodyBytes): Promise<Uint8Array | null> {
  if (!stream) return null;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new EmulatorError("too_large", `The request body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const decoder = new TextDecoder("utf-8");

/** Parses a JSON body; an empty body is `{}`. Bad JSON is each host's own error. */
export function parseJsonBody(body: Uint8Array | null, host: ApiHost): unknown {
  if (!body || body.byteLength === 0) return {};
  const text = decoder.decode(body);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    const message = host === "chat" ? "Request body is not valid JSON." : "Invalid JSON body.";
    throw new EmulatorError("bad_json", message);
  }
}

/** Form fields of a multipart body; files become `{ name, size }`. */
export async function parseMultipart(body: Uint8Array | null, contentType: string): Promise<Record<string, unknown>> {
  if (!body) return {};
  let form: FormData;
  try {
    form = await new Response(Buffer.from(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new EmulatorError("invalid", "The multipart body could not be read.");
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    out[key] = typeof value === "string" ? value : { name: value.name, size: value.size };
  }
  return out;
}
