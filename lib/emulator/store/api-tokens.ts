import { EmulatorError } from "../errors";
import type { ApiTokenRecord } from "./records";
import type { Store } from "./store";

export const maxSecondaryTokens = 10;

export type TokenKind = "master" | "secondary";

/** Which kind of token this is, or null when it is not one of the application's. */
export function tokenKind(store: Store, token: string | null): TokenKind | null {
  if (!token) return null;
  if (token === store.masterToken) return "master";
  return store.apiTokens.has(token) ? "secondary" : null;
}

/** A new secondary token: a random value, or the given one (the control plane's, so a test knows it in advance). */
export function generateApiToken(store: Store, value?: string): ApiTokenRecord {
  if (store.apiTokens.size >= maxSecondaryTokens) {
    throw new EmulatorError("too_many", `An application can have at most ${maxSecondaryTokens} secondary API tokens.`);
  }
  if (value !== undefined && (value === store.masterToken || store.apiTokens.has(value))) {
    throw new EmulatorError("exists", "That token value is already used.");
  }
  const record = { token: value ?? store.newSecret(20), created_at: Math.floor(store.now() / 1000) };
  store.apiTokens.set(record.token, record);
  store.issuedTokens.add(record.token);
  return record;
}

export function getApiToken(store: Store, token: string): ApiTokenRecord {
  const record = store.apiTokens.get(token);
  if (!record) throw new EmulatorError("not_found", '"API token" not found.');
  return record;
}

export function revokeApiToken(store: Store, token: string): void {
  getApiToken(store, token);
  store.apiTokens.delete(token);
}
