/** A request as the client sent it. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body, parsed; undefined when none was sent. */
  body: unknown;
}

/** What the fake answers: JSON (default `{}`) or raw text, with a status (default 200) and headers. */
export interface FakeReply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type Responder = (request: SentRequest) => FakeReply | Promise<FakeReply>;

/** A `fetch` that records every request and answers from `respond`; a thrown error is a network failure. */
export function fakeFetch(respond: Responder): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const raw = init?.body;
    if (raw !== undefined && raw !== null && typeof raw !== "string") throw new Error("fakeFetch: the client should only send JSON text");
    const request: SentRequest = {
      url,
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof raw === "string" ? (JSON.parse(raw) as unknown) : undefined,
    };
    sent.push(request);
    const reply = await respond(request);
    const text = reply.text ?? JSON.stringify(reply.json ?? {});
    return new Response(text, { status: reply.status ?? 200, headers: { "content-type": "application/json", ...reply.headers } });
  };
  return { fetch: fetchImpl, sent };
}

/** Answers from a table of `METHOD /template/{id}` routes; anything else is a loud 404. */
export function routeTable(routes: Record<string, () => unknown>): Responder {
  const compiled = Object.entries(routes).map(([key, body]) => {
    const [method, template = ""] = key.split(" ");
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return { method, pattern, body };
  });
  return (request) => {
    const path = new URL(request.url).pathname;
    const hit = compiled.find((r) => r.method === request.method && r.pattern.test(path));
    if (!hit) return { status: 404, json: { error: true, code: 400404, message: `fakeFetch: no answer for ${request.method} ${path}` } };
    return { json: hit.body() };
  };
}
