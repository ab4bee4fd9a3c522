import { EmulatorError } from "../errors";
import { oldestFirst, paginate } from "../paginate";
import type { Page, PageRequest } from "../paginate";
import type { SessionTokenRecord, UserRecord } from "./records";
import { userKey } from "./store";
import type { Store } from "./store";

export function getUser(store: Store, id: string): UserRecord {
  const user = store.users.get(id);
  if (!user) throw new EmulatorError("not_found", '"User" not found.');
  return user;
}

export interface UserInput {
  user_id: string;
  nickname: string;
  profile_url: string;
  issue_access_token?: boolean | undefined;
  discovery_keys?: string[] | undefined;
  metadata?: Record<string, string> | undefined;
}

export function createUser(store: Store, input: UserInput): UserRecord {
  if (store.users.has(input.user_id)) throw new EmulatorError("exists", `"User" with id "${input.user_id}" already exists.`);
  const user: UserRecord = {
    user_id: input.user_id,
    nickname: input.nickname,
    profile_url: input.profile_url,
    metadata: input.metadata ?? {},
    is_active: true,
    is_online: false,
    has_ever_logged_in: false,
    last_seen_at: 0,
    created_at: Math.floor(store.now() / 1000),
    discovery_keys: input.discovery_keys ?? [],
    preferred_languages: [],
    locale: "",
    require_auth_for_profile_image: false,
    access_token: input.issue_access_token ? store.newSecret(20) : null,
    session_tokens: [],
  };
  store.addUser(user);
  return user;
}

export interface UserPatch {
  nickname?: string | undefined;
  profile_url?: string | undefined;
  issue_access_token?: boolean | undefined;
  is_active?: boolean | undefined;
  last_seen_at?: number | undefined;
  discovery_keys?: string[] | undefined;
  preferred_languages?: string[] | undefined;
}

export function updateUser(store: Store, id: string, patch: UserPatch): UserRecord {
  const user = getUser(store, id);
  if (patch.nickname !== undefined) user.nickname = patch.nickname;
  if (patch.profile_url !== undefined) user.profile_url = patch.profile_url;
  if (patch.issue_access_token) user.access_token = store.newSecret(20);
  if (patch.is_active !== undefined) {
    user.is_active = patch.is_active;
    if (!patch.is_active) user.is_online = false;
  }
  if (patch.last_seen_at !== undefined) user.last_seen_at = patch.last_seen_at;
  if (patch.discovery_keys !== undefined) user.discovery_keys = patch.discovery_keys;
  if (patch.preferred_languages !== undefined) user.preferred_languages = patch.preferred_languages;
  store.touchUsers();
  return user;
}

export function deleteUser(store: Store, id: string): void {
  getUser(store, id);
  store.removeUser(id);
}

export interface UserFilter {
  activeMode?: "activated" | "deactivated" | "all" | undefined;
  userIds?: string[] | undefined;
  nickname?: string | undefined;
  nicknameStartsWith?: string | undefined;
  metadataKey?: string | undefined;
  metadataValues?: string[] | undefined;
}

export function listUsers(store: Store, f: UserFilter, page: PageRequest): Page<UserRecord> {
  const mode = f.activeMode ?? "activated";
  const filtered = store.userOrder.filter((u) => {
    if (mode === "activated" && !u.is_active) return false;
    if (mode === "deactivated" && u.is_active) return false;
    if (f.userIds && !f.userIds.includes(u.user_id)) return false;
    if (f.nickname !== undefined && u.nickname !== f.nickname) return false;
    if (f.nicknameStartsWith !== undefined && !u.nickname.toLowerCase().startsWith(f.nicknameStartsWith.toLowerCase())) return false;
    if (f.metadataKey !== undefined) {
      const value = u.metadata[f.metadataKey];
      if (value === undefined) return false;
      if (f.metadataValues && !f.metadataValues.includes(value)) return false;
    }
    return true;
  });
  return paginate("users", filtered, userKey, oldestFirst, page);
}

const sessionTokenTtlMs = 7 * 24 * 60 * 60 * 1000;

/** A new session token expiring at `expiresAt` (default now + 7 days), which must be in the future. */
export function newSessionToken(store: Store, expiresAt: number | undefined): SessionTokenRecord {
  const now = store.now();
  if (expiresAt !== undefined && expiresAt <= now) throw new EmulatorError("invalid", '"expires_at" must be in the future.');
  return { token: sessionToken(store), expires_at: expiresAt ?? now + sessionTokenTtlMs };
}

/**
 * Issues a session token for an active user. Tokens from `POST …/token` are stateless, as Sendbird's docs
 * say: nothing is kept, and later reads of the user do not show them.
 */
export function issueSessionToken(store: Store, id: string, expiresAt: number | undefined): SessionTokenRecord {
  const user = getUser(store, id);
  if (!user.is_active) throw deactivatedUser();
  return newSessionToken(store, expiresAt);
}

export function deactivatedUser(): EmulatorError {
  return new EmulatorError("deactivated", "The user is deactivated.");
}

/**
 * The deprecated way, `issue_session_token` on a user update: the token is stored on the user and listed in
 * its `session_tokens` until revoked.
 */
export function storeSessionToken(store: Store, user: UserRecord, token: SessionTokenRecord): void {
  user.session_tokens.push(token);
  store.touchUsers();
}

/** Revokes every session token of a user: the stored ones are dropped, and stateless ones count as revoked. */
export function revokeSessionTokens(store: Store, id: string): void {
  getUser(store, id).session_tokens = [];
  store.touchUsers();
}

/** A JWT-shaped opaque string of the documented length (119–168 characters). */
function sessionToken(store: Store): string {
  const part = (bytes: number) => Buffer.from(store.newSecret(bytes), "hex").toString("base64url");
  return `eyJ${part(18)}.${part(48)}.${part(24)}`;
}
