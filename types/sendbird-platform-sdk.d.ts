// npm sendbird-platform-sdk (Sendbird's generated JavaScript client) ships no types; these cover the calls the
// contract tests in lib/emulator/contract make. Answers are left as plain JSON: the tests check them, not tsc.
declare module "sendbird-platform-sdk" {
  type Json = Record<string, unknown>;

  export class ApiClient {
    constructor(basePath?: string);
    basePath: string;
  }

  export class UserApi {
    constructor(apiClient?: ApiClient);
    createUser(apiToken: string, opts?: { createUserData?: Json }): Promise<Json>;
    listUsers(
      apiToken: string,
      opts?: { token?: string; limit?: number; activeMode?: string; showBot?: boolean; userIds?: string },
    ): Promise<{ users?: Json[]; next?: string }>;
    viewUserById(apiToken: string, userId: string, opts?: { includeUnreadCount?: boolean; customTypes?: string; superMode?: string }): Promise<Json>;
    updateUserById(apiToken: string, userId: string, opts?: { updateUserByIdData?: Json }): Promise<Json>;
    deleteUserById(apiToken: string, userId: string): Promise<unknown>;
    createUserMetadata(apiToken: string, userId: string, opts?: { createUserMetadataData?: Json }): Promise<Json>;
    updateUserMetadata(apiToken: string, userId: string, opts?: { updateUserMetadataData?: Json }): Promise<Json>;
    updateUserMetadataByKey(apiToken: string, userId: string, key: string, opts?: { body?: Json }): Promise<Json>;
    deleteUserMetadata(apiToken: string, userId: string, opts?: { key?: string }): Promise<unknown>;
    deleteUserMetadataByKey(apiToken: string, userId: string, key: string): Promise<unknown>;
  }

  /** Only the metadata reads live here; the writes are on UserApi. */
  export class MetadataApi {
    constructor(apiClient?: ApiClient);
    viewUserMetadata(apiToken: string, userId: string, opts?: { key?: string; keys?: string[] }): Promise<Json>;
    viewUserMetadataByKey(apiToken: string, userId: string, key: string): Promise<Json>;
  }

  export class ApplicationApi {
    constructor(apiClient?: ApiClient);
    generateSecondaryApiToken(apiToken: string, opts?: { generateSecondaryApiTokenData?: Json }): Promise<{ token?: string; created_at?: number }>;
    listSecondaryApiTokens(apiToken: string): Promise<{ api_tokens?: Json[] }>;
    viewSecondaryApiTokenByToken(apiToken: string, apiToken2: string): Promise<Json>;
    revokeSecondaryApiTokenByToken(apiToken: string, apiToken2: string): Promise<Json>;
  }
}
