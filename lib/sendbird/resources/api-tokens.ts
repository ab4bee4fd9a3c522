import "server-only";
import type { z } from "zod";
import { toMs } from "../dto";
import { apiTokenListSchema, apiTokenSchema, noContentSchema } from "../schemas";
import { route } from "../transport";
import type { Transport } from "../transport";

/** A secondary API token. Server-side only: the full value must never reach a browser. */
export interface ApiTokenRecord {
  token: string;
  createdAt: number;
}

const toToken = (r: z.infer<typeof apiTokenSchema>): ApiTokenRecord => ({ token: r.token, createdAt: toMs(r.created_at) ?? 0 });

export function apiTokensResource(t: Transport) {
  const tokenRoute = (token: string) => route("/applications/api_tokens/{token}", { token });
  return {
    list: () =>
      t.request({ host: "chat", method: "GET", route: route("/applications/api_tokens"), schema: apiTokenListSchema }).then((r) => r.api_tokens.map(toToken)),
    generate: () => t.request({ host: "chat", method: "POST", route: route("/applications/api_tokens"), body: {}, schema: apiTokenSchema }).then(toToken),
    retrieve: (token: string) => t.request({ host: "chat", method: "GET", route: tokenRoute(token), secret: token, schema: apiTokenSchema }).then(toToken),
    revoke: async (token: string): Promise<void> => {
      await t.request({
        host: "chat",
        method: "DELETE",
        route: tokenRoute(token),
        secret: token,
        schema: noContentSchema,
      });
    },
  };
}
