import type { Route } from "../router";
import { generateApiToken, getApiToken, revokeApiToken } from "../store/api-tokens";

export const apiTokenRoutes: Route[] = [
  {
    host: "chat",
    method: "POST",
    template: "/v3/applications/api_tokens",
    masterOnly: true,
    async handler(ctx) {
      await ctx.object();
      return generateApiToken(ctx.store);
    },
  },
  {
    host: "chat",
    method: "GET",
    template: "/v3/applications/api_tokens",
    masterOnly: true,
    handler: (ctx) => ({ api_tokens: [...ctx.store.apiTokens.values()].sort((a, b) => a.created_at - b.created_at) }),
  },
  {
    host: "chat",
    method: "GET",
    template: "/v3/applications/api_tokens/{api_token}",
    masterOnly: true,
    handler: (ctx) => getApiToken(ctx.store, ctx.params.api_token ?? ""),
  },
  {
    host: "chat",
    method: "DELETE",
    template: "/v3/applications/api_tokens/{api_token}",
    masterOnly: true,
    handler(ctx) {
      revokeApiToken(ctx.store, ctx.params.api_token ?? "");
      return {};
    },
  },
];
