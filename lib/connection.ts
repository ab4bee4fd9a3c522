import "server-only";
import { settings } from "@/lib/env";
import { explain } from "@/lib/errors";
import type { Explanation } from "@/lib/errors";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { SendbirdAuthError, SendbirdPermissionError } from "@/lib/sendbird/errors";
import { clientOptions } from "@/lib/sendbird/server";

export interface HostCheck {
  host: "calls" | "chat";
  label: string;
  baseUrl: string;
  ok: boolean;
  roundTripMs: number;
  problem: Explanation | null;
}

export type TokenKind = "master" | "secondary" | "rejected" | "unknown";

export interface ConnectionReport {
  checkedAt: number;
  mode: "emulator" | "sendbird";
  appId: string;
  hosts: HostCheck[];
  token: { kind: TokenKind; last4: string; problem: Explanation | null };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work();
    return { ms: Math.round(performance.now() - started), error: null };
  } catch (error) {
    return { ms: Math.round(performance.now() - started), error };
  }
}

/**
 * Checks the configured application: does each host answer, and is the token the master (token
 * management possible) or a secondary? Reads one item from each host; changes nothing.
 */
export async function checkConnection(): Promise<ConnectionReport> {
  const s = settings();
  const client = createSendbirdClient(clientOptions({ timeoutMs: 5_000, maxRetries: 1, retryBaseMs: 300 }));
  const [calls, chat, tokens] = await Promise.all([
    timed(() => client.liveEvents.list({ limit: 1 })),
    timed(() => client.users.list({ limit: 1 })),
    timed(() => client.apiTokens.list()),
  ]);
  const host = (name: "calls" | "chat", label: string, baseUrl: string, r: { ms: number; error: unknown }): HostCheck => ({
    host: name,
    label,
    baseUrl,
    ok: r.error === null,
    roundTripMs: r.ms,
    problem: r.error === null ? null : explain(r.error),
  });
  let kind: TokenKind = "unknown";
  if (tokens.error === null) kind = "master";
  else if (tokens.error instanceof SendbirdPermissionError) kind = "secondary";
  else if (tokens.error instanceof SendbirdAuthError || calls.error instanceof SendbirdAuthError) kind = "rejected";
  return {
    checkedAt: Date.now(),
    mode: s.mode,
    appId: s.appId,
    hosts: [host("calls", "Live & Calls API", s.callsBaseUrl, calls), host("chat", "Chat API", s.chatBaseUrl, chat)],
    token: {
      kind,
      last4: s.apiToken.slice(-4),
      problem: kind === "unknown" && tokens.error !== null ? explain(tokens.error) : null,
    },
  };
}
