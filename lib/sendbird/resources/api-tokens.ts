import "server-only";
import type { z } from "zod";
import { toMs } from "../dto";
import { id } from "../pages";
import { apiTokenListSchema, apiTokenSchema, noContentSchema } from "../schemas";
import type { Transport } from "../transport";

/** A secondary API token. Server-side only: the full value must never reach a browser. */
export interface ApiTokenRecord {
  token: string;
  createdAt: number;
}

const toToken = (r: z.infer<typeof apiTokenSchema>): ApiTokenRecord => ({ token: r.token, createdAt: toMs(r.created_at) ?? 0 });

export function apiTokensResource(t: Transport) {
  const path = (token: string) => `/applications/api_tokens/${id(token)}`;
  return {
    list: () =>
      t
        .request({ host: "chat", method: "GET", path: "/applications/api_tokens", endpoint: "/applications/api_tokens", schema: apiTokenListSchema })
        .then((r) => r.api_tokens.map(toToken)),
    generate: () =>
      t
        .request({ host: "chat", method: "POST", path: "/applications/api_tokens", endpoint: "/applications/api_tokens", body: {}, schema: apiTokenSchema })
        .then(toToken),
    retrieve: (token: string) =>
      t
        .request({ host: "chat", method: "GET", path: path(token), endpoint: "/applications/api_tokens/{token}", secret: token, schema: apiTokenSchema })
        .then(toToken),
    revoke: async (token: string): Promise<void> => {
      await t.request({
        host: "chat",
        method: "DELETE",
        path: path(token),
        endpoint: "/applications/api_tokens/{token}",
        secret: token,
        schema: noContentSchema,
      });
    },
  };
}
