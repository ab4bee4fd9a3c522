import "server-only";
import { settings } from "@/lib/env";
import type { DestinationPolicy } from "@/lib/net/destinations";
import { channelKey } from "./secrets";

/** What sending alerts needs from the settings: the secrets' key, where channels may point, and the console's own address for links. */
export interface AlertRuntime {
  key: Buffer;
  policy: DestinationPolicy;
  /** The address people open the console at, without a trailing slash. */
  origin: string;
}

let cached: AlertRuntime | undefined;

export function alertRuntime(): AlertRuntime {
  if (cached) return cached;
  const config = settings();
  cached = { key: channelKey(config), policy: config.alertDestinations, origin: config.nextAuthUrl.replace(/\/+$/, "") };
  return cached;
}
