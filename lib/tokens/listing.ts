import "server-only";
import { SendbirdPermissionError } from "@/lib/sendbird/errors";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { lastAnswered } from "@/lib/sendbird/server";

/** Sendbird's limit of secondary tokens per application. */
export const maxSecondaryTokens = 10;

/** A secondary token as the console shows it: its last four characters, never the value. */
export interface TokenView {
  last4: string;
  createdAt: number;
  /** Whether this console itself runs on this token. */
  inUse: boolean;
  /** When this console last used it: Sendbird's last answer on it (its own token), or a rotation's check. */
  lastUsedAt: number | null;
}

export type TokenListing =
  { kind: "master"; tokens: TokenView[]; slotsUsed: number; slots: number; fetchedAt: number } | { kind: "secondary"; consoleLast4: string; fetchedAt: number };

/**
 * The application's secondary tokens, masked. On a secondary token Sendbird refuses the list (only the
 * master may manage tokens): that is a fact to state, not an error.
 */
export async function tokenListing(sendbird: SendbirdClient): Promise<TokenListing> {
  try {
    const tokens = await sendbird.apiTokens.list();
    return {
      kind: "master",
      tokens: tokens
        .map((t) => {
          const inUse = sendbird.runsOn(t.token);
          return { last4: t.token.slice(-4), createdAt: t.createdAt, inUse, lastUsedAt: inUse ? lastAnswered() : null };
        })
        .sort((a, b) => b.createdAt - a.createdAt),
      slotsUsed: tokens.length,
      slots: maxSecondaryTokens,
      fetchedAt: Date.now(),
    };
  } catch (err) {
    if (err instanceof SendbirdPermissionError) return { kind: "secondary", consoleLast4: sendbird.tokenLast4, fetchedAt: Date.now() };
    throw err;
  }
}
