import "server-only";
import type { Database } from "@/lib/db";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { SendbirdPermissionError } from "@/lib/sendbird/errors";
import { lastAnswered } from "@/lib/sendbird/server";
import { currentRotation, lastUses, refKey } from "./store";
import type { Rotation } from "./store";

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

/** A token as the tokens page lists it: when and how this console last used it, and whether a rotation involves it. */
export interface TokenRow extends TokenView {
  /** How this console last used it, in words: "Sendbird answered it" or "checked during a rotation". */
  lastUsedHow: string | null;
  /** Part of the rotation under way (old or replacement). */
  inRotation: boolean;
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

/**
 * The tokens page: Sendbird's list, with what this console's database knows: the rotation under way, and
 * a rotation's check of a token, which counts as its last use when newer than Sendbird's answer on it.
 */
export async function loadTokens(client: SendbirdClient, db: Database): Promise<{ listing: TokenListing; rotation: Rotation | null; rows: TokenRow[] }> {
  const [listing, rotation, uses] = await Promise.all([tokenListing(client), currentRotation(db), lastUses(db)]);
  const inRotation = (t: TokenView) =>
    rotation !== null && [rotation.old, rotation.replacement].some((r) => r.last4 === t.last4 && r.createdAt === t.createdAt);
  const rows = (listing.kind === "master" ? listing.tokens : []).map((t): TokenRow => {
    const checked = uses.get(refKey(t));
    const own = t.lastUsedAt ?? 0;
    const last =
      checked && checked.at > own
        ? { at: checked.at, how: "checked during a rotation" }
        : t.lastUsedAt !== null
          ? { at: t.lastUsedAt, how: "Sendbird answered it" }
          : null;
    return { ...t, lastUsedAt: last?.at ?? null, lastUsedHow: last?.how ?? null, inRotation: inRotation(t) };
  });
  return { listing, rotation, rows };
}
