import { createClock } from "./clock";
import type { Clock, ClockOptions } from "./clock";
import { EmulatorError } from "./errors";
import type { ApiHost } from "./errors";
import { FaultRegistry } from "./faults";
import type { Fault, FaultInput } from "./faults";
import { jsonHeaders, maxBodyBytes, parseJsonBody, parseMultipart, readLimited } from "./http";
import type { CoreRequest, CoreResponse } from "./http";
import { Journal, maskBody, maskPath, maskSecret } from "./journal";
import { createRandom } from "./random";
import { RateLimiter } from "./rate-limit";
import { errorCode, injectedError, json, notFound, rateLimited, toErrorResponse } from "./responses";
import { RawJson, Router, hostOf } from "./router";
import type { RouteContext } from "./router";
import { controlRoutes } from "./routes/control";
import { apiRoutes } from "./routes";
import { seedSizes, seedWorld } from "./seed/seed";
import type { SeedSize } from "./seed/seed";
import { Simulator } from "./simulator";
import { tokenKind } from "./store/api-tokens";
import type { TokenKind } from "./store/api-tokens";
import { Store } from "./store/store";
import { QueryReader } from "./validate";

import { defaultMasterToken } from "./defaults";

export { defaultMasterToken };

export interface EmulatorOptions {
  /** Seed number of the demo world; `null` starts empty. Default 42. */
  seed?: number | null;
  size?: SeedSize;
  masterToken?: string;
  /** A clock to share, or options for a new one (`{ frozenAt }` for tests). */
  clock?: Clock | ClockOptions;
  /** Enforce Sendbird's published rate limits (default true). */
  rateLimits?: boolean;
  faults?: FaultInput[];
  /** Run the demo simulator (default false). */
  simulate?: boolean;
  simulatorIntervalMs?: number;
  /** The application's AWS region, which recording copies must name. */
  region?: string;
  journalSize?: number;
}

export interface Emulator {
  (request: Request): Promise<Response>;
  /** The transport-neutral core, used by the node:http server to skip fetch objects. */
  handle(request: CoreRequest): Promise<CoreResponse>;
  readonly store: Store;
  readonly clock: Clock;
  readonly faults: FaultRegistry;
  readonly journal: Journal;
  readonly rateLimiter: RateLimiter;
  readonly simulator: Simulator;
  readonly masterToken: string;
  /** Stops background work (the simulator). */
  close(): void;
}

function isClock(value: Clock | ClockOptions | undefined): value is Clock {
  return value !== undefined && "now" in value;
}

/** Builds a stateful Sendbird Platform API emulator (Live and Calls under /v1, Chat under /v3). */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = isClock(options.clock) ? options.clock : createClock(options.clock);
  const masterToken = options.masterToken ?? defaultMasterToken;
  const store = new Store(clock, masterToken, options.region ?? "us-east-1");
  const random = createRandom((options.seed ?? 0) + 1);
  const faults = new FaultRegistry(random.next);
  for (const fault of options.faults ?? []) faults.add(fault);
  const journal = new Journal(options.journalSize);
  const rateLimiter = new RateLimiter(options.rateLimits ?? true);
  const simulator = new Simulator(store, options.simulatorIntervalMs);
  const seed = options.seed === undefined ? 42 : options.seed;
  if (seed !== null) {
    const size = seedSizes[options.size ?? "demo"];
    seedWorld(store, seed, size);
  }

  const info = () => ({
    emulator: "showrunner-sendbird-emulator",
    now: clock.now(),
    clock_frozen: clock.frozen,
    rate_limits: rateLimiter.enabled,
    simulator: simulator.running,
    region: store.region,
    master_token: maskSecret(masterToken),
    counts: {
      users: store.users.size,
      live_events: store.liveEvents.size,
      direct_calls: store.calls.size,
      rooms: store.rooms.size,
      api_tokens: store.apiTokens.size,
    },
    incidents: store.incidents.list(),
  });

  const router = new Router();
  for (const route of apiRoutes) router.add(route);
  for (const route of controlRoutes({ clock, faults, journal, rateLimiter, simulator, info })) router.add(route);

  async function handle(req: CoreRequest): Promise<CoreResponse> {
    const started = performance.now();
    const host = hostOf(req.pathname);
    const token = req.header("api-token");
    const kind = tokenKind(store, token);
    let fault: Fault | null = null;
    let response: CoreResponse;
    let body: unknown;
    try {
      if (host !== "control") fault = faults.match(req.method, req.pathname);
      const injected = fault && !fault.after ? await applyFault(fault, host) : null;
      if (injected) response = injected;
      else {
        const ctx = buildContext(req, host, kind, (parsed) => (body = parsed));
        response = await dispatch(req, host, kind, ctx);
        if (fault?.after) response = (await applyFault(fault, host)) ?? response;
      }
    } catch (err) {
      response = toErrorResponse(err, host ?? "calls");
    }
    journal.record({
      at: clock.now(),
      method: req.method,
      path: maskPath(req.pathname),
      query: req.search,
      token: kind === "master" ? "master" : kind === "secondary" && token ? `secondary ${maskSecret(token)}` : token ? "invalid" : "none",
      status: response.drop ? 0 : response.status,
      code: errorCode(response),
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      fault: fault?.id ?? null,
      body: body === undefined ? null : maskBody(body),
    });
    return response;
  }

  function buildContext(req: CoreRequest, host: ApiHost | null, kind: TokenKind | null, onBody: (b: unknown) => void) {
    const contentType = req.header("content-type") ?? "";
    const isMultipart = contentType.toLowerCase().startsWith("multipart/form-data");
    let parsed: Promise<unknown> | undefined;
    const bodyOnce = () => {
      parsed ??= (isMultipart ? parseMultipart(req.body, contentType) : Promise.resolve(parseJsonBody(req.body, host ?? "calls"))).then((b) => {
        onBody(b);
        return b;
      });
      return parsed;
    };
    return {
      isMultipart,
      body: bodyOnce,
      async object() {
        const b = await bodyOnce();
        if (b === null || typeof b !== "object" || Array.isArray(b)) {
          throw new EmulatorError("invalid", "The request body must be a JSON object.", { chatCode: 400103 });
        }
        return b as Record<string, unknown>;
      },
      token: kind,
    };
  }

  async function dispatch(
    req: CoreRequest,
    host: ApiHost | null,
    kind: TokenKind | null,
    partial: Omit<RouteContext, "store" | "params" | "query" | "search">,
  ): Promise<CoreResponse> {
    if (host === null) {
      return json(404, {
        error: true,
        code: 404,
        message: `No such endpoint: ${req.method} ${req.pathname.slice(0, 200)}. Live and Calls are under /v1, Chat under /v3, the control plane under /__emulator.`,
      });
    }
    const match = router.match(req.method, req.pathname);
    if (!("route" in match)) return notFound(req, host, match.allowed);
    const { route, params } = match;
    if (kind === null) throw new EmulatorError("unauthenticated", "Invalid or missing Api-Token.");
    if ((route.masterOnly || host === "control") && kind !== "master") {
      if (host === "control") throw new EmulatorError("unauthenticated", "The control plane needs the master token.");
      throw new EmulatorError("unauthorized", "Only the master API token can manage API tokens.");
    }
    const rate = rateLimiter.check(host, req.method, route.template);
    if (rate && !rate.allowed) return rateLimited(host, rate);
    const query = new QueryReader(new URLSearchParams(req.search));
    const result = await route.handler({ ...partial, store, params, query, search: req.search });
    if (result instanceof RawJson) return { status: 200, headers: { ...jsonHeaders }, body: result.text };
    return json(200, result ?? {});
  }

  async function applyFault(fault: Fault, host: ApiHost | null): Promise<CoreResponse | null> {
    if (fault.latency_ms) await new Promise((resolve) => setTimeout(resolve, fault.latency_ms));
    if (fault.drop) return { status: 0, headers: {}, body: "", drop: true };
    if (fault.status === undefined) return null;
    return injectedError(fault, host ?? "calls");
  }

  const emulator = Object.assign(
    async (request: Request): Promise<Response> => {
      const url = new URL(request.url);
      let body: Uint8Array | null;
      try {
        body = await readLimited(request.body);
      } catch (err) {
        const res = toErrorResponse(err, hostOf(url.pathname) ?? "calls");
        return new Response(String(res.body), { status: res.status, headers: res.headers });
      }
      const res = await handle({
        method: request.method.toUpperCase(),
        pathname: url.pathname,
        search: url.search,
        header: (name) => request.headers.get(name),
        body,
      });
      if (res.drop) throw new TypeError("fetch failed: the emulator dropped the connection (injected fault)");
      return new Response(typeof res.body === "string" ? res.body : Buffer.from(res.body), { status: res.status, headers: res.headers });
    },
    {
      handle,
      store,
      clock,
      faults,
      journal,
      rateLimiter,
      simulator,
      masterToken,
      close: () => simulator.stop(),
    },
  );
  if (options.simulate) simulator.start();
  return emulator;
}

export { maxBodyBytes };
