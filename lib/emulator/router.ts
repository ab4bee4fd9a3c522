import { EmulatorError } from "./errors";
import type { ApiHost } from "./errors";
import type { QueryReader } from "./validate";
import type { Store } from "./store/store";
import type { TokenKind } from "./store/api-tokens";

/** A body already serialized (hot list paths build their JSON from cached pieces). */
export class RawJson {
  constructor(readonly text: string | Uint8Array) {}
}

export interface RouteContext {
  store: Store;
  params: Record<string, string>;
  query: QueryReader;
  /** The raw query string, `?…` or empty. */
  search: string;
  token: TokenKind | null;
  /** The parsed JSON body (an empty body is `{}`), or form fields of a multipart body. */
  body(): Promise<unknown>;
  /** The body as a JSON object; anything else is a type error in the host's terms. */
  object(): Promise<Record<string, unknown>>;
  isMultipart: boolean;
}

export type RouteHandler = (ctx: RouteContext) => unknown;

export interface Route {
  host: ApiHost;
  method: string;
  /** e.g. `/v1/live-events/{live_event_id}` */
  template: string;
  handler: RouteHandler;
  /** Token management: only the master token may call it. */
  masterOnly?: boolean;
}

interface CompiledRoute extends Route {
  segments: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Splits a raw path into segments, decoding each; malformed escapes are a client error. */
function decodeSegments(pathname: string): string[] {
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return trimmed
    .split("/")
    .slice(1)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new EmulatorError("invalid", `The path segment "${segment.slice(0, 100)}" is not valid URL encoding.`);
      }
    });
}

/** Matches method + path against route templates; `{name}` segments become params. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): void {
    this.routes.push({ ...route, segments: route.template.split("/").slice(1) });
  }

  all(): readonly Route[] {
    return this.routes;
  }

  /** The route for this request, or null with the methods the path would allow. */
  match(method: string, pathname: string): RouteMatch | { allowed: string[] } {
    const segments = decodeSegments(pathname);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return { allowed };
  }
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | null {
  if (template.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const t = template[i] as string;
    const a = actual[i] as string;
    if (t.startsWith("{")) {
      if (a === "") return null;
      params[t.slice(1, -1)] = a;
    } else if (t !== a) {
      return null;
    }
  }
  return params;
}

/** Which host a path belongs to. */
export function hostOf(pathname: string): ApiHost | null {
  if (pathname.startsWith("/v1/") || pathname === "/v1") return "calls";
  if (pathname.startsWith("/v3/") || pathname === "/v3") return "chat";
  if (pathname.startsWith("/__emulator")) return "control";
  return null;
}
