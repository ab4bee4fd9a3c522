// No "server-only": the console's HTTP server (scripts/serve.ts), bundled apart from the app, opens each
// request's context here and the app adds to it. It holds no secret.
import { AsyncLocalStorage } from "node:async_hooks";

/** What the log lines of one request, or one piece of background work, have in common. */
export interface RequestContext {
  /** The request's id (its X-Request-Id), or the background task's. */
  id: string;
  /** The background task (`activity-sync`, `sampler`), when there is no request. */
  task?: string;
  /** The signed-in console account, once the app has read the session. */
  actor?: { accountId: string; role: string };
}

// One store for the whole process: the server and the app are bundled separately, and each bundle
// would otherwise make its own.
const key = Symbol.for("showrunner.requestContext");
const holder = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[key] ??= new AsyncLocalStorage<RequestContext>());

/** Runs `work` with `context` as the current request's, for everything it starts. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The current request's or background task's context; undefined outside both. */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Names the signed-in account on the current request, for its log line. */
export function noteActor(accountId: string, role: string): void {
  const context = storage.getStore();
  if (context) context.actor = { accountId, role };
}

const idShape = /^[A-Za-z0-9._:-]{1,64}$/;

/** A request id a trusted proxy sent, when it is a plain token; otherwise a new one. */
export function requestIdFrom(given: string | string[] | undefined, trusted: boolean): string {
  const value = Array.isArray(given) ? given[0] : given;
  return trusted && value && idShape.test(value) ? value : crypto.randomUUID();
}
