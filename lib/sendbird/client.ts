import "server-only";
import { apiTokensResource } from "./resources/api-tokens";
import { directCallsResource } from "./resources/direct-calls";
import { liveEventsResource } from "./resources/live-events";
import { recordingsResource } from "./resources/recordings";
import { roomsResource } from "./resources/rooms";
import { usersResource } from "./resources/users";
import { Transport } from "./transport";
import type { TransportOptions } from "./transport";

export interface SendbirdClientOptions extends Omit<TransportOptions, "callsBaseUrl" | "chatBaseUrl"> {
  /** The application id; gives the default base URLs. */
  appId?: string | undefined;
  /** Overrides `https://api-{appId}.calls.sendbird.com/v1` (Live and Calls). */
  callsBaseUrl?: string | undefined;
  /** Overrides `https://api-{appId}.sendbird.com/v3` (Chat). */
  chatBaseUrl?: string | undefined;
}

/**
 * The typed Sendbird Platform API client: one namespace per resource, every answer parsed and mapped to a DTO.
 * Each resource is one file in resources/, named as its schemas, emulator routes and emulator store are.
 */
export function createSendbirdClient(options: SendbirdClientOptions) {
  const callsBaseUrl = options.callsBaseUrl ?? (options.appId ? `https://api-${options.appId}.calls.sendbird.com/v1` : undefined);
  const chatBaseUrl = options.chatBaseUrl ?? (options.appId ? `https://api-${options.appId}.sendbird.com/v3` : undefined);
  if (!callsBaseUrl || !chatBaseUrl) throw new Error("createSendbirdClient needs an appId or both base URLs.");
  const transport = new Transport({ ...options, callsBaseUrl, chatBaseUrl });
  return {
    liveEvents: liveEventsResource(transport),
    recordings: recordingsResource(transport),
    calls: directCallsResource(transport),
    rooms: roomsResource(transport),
    users: usersResource(transport),
    apiTokens: apiTokensResource(transport),
  };
}

export type SendbirdClient = ReturnType<typeof createSendbirdClient>;
