import { ApplicationApi, MetadataApi, ServerConfiguration, UserApi, createConfiguration } from "sendbird-platform-sdk-typescript";
import type { SdkError } from "./contract";

/** The API classes of `sendbird-platform-sdk-typescript`, pointed at `origin` (its paths already start with /v3). */
export function typescriptSdk(origin: string) {
  const config = createConfiguration({ baseServer: new ServerConfiguration(origin, {}) });
  return { users: new UserApi(config), metadata: new MetadataApi(config), application: new ApplicationApi(config) };
}

/**
 * The TypeScript client rejects with ApiException: `code` is the HTTP status, `body` the raw text. It is read by
 * shape because the package is compiled to ES5, where `instanceof ApiException` is false for its own errors.
 */
export function typescriptError(err: unknown): SdkError {
  if (!(err instanceof Error && "code" in err && "body" in err)) return { status: undefined, code: undefined };
  const body: unknown = typeof err.body === "string" ? JSON.parse(err.body) : err.body;
  const code = typeof body === "object" && body !== null && "code" in body && typeof body.code === "number" ? body.code : undefined;
  return { status: typeof err.code === "number" ? err.code : undefined, code };
}
