import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import {
  SendbirdAuthError,
  SendbirdConnectionError,
  SendbirdError,
  SendbirdNotFoundError,
  SendbirdRateLimitError,
  SendbirdServerError,
  SendbirdTimeoutError,
} from "@/lib/sendbird/errors";
import { handleApiError } from "./route";

const where = { host: "chat" as const, method: "GET", path: "/users" };

describe("a route handler's failure, in the one error shape", () => {
  test.each([
    ["a refusal of the console's own", new AppError("invalid_query", "No such filter."), 400, "invalid_query"],
    ["what Sendbird does not know", new SendbirdNotFoundError({ ...where, status: 400, code: 400201, message: "User not found." }), 404, "sendbird_400201"],
    [
      "what Sendbird refused as asked (an expired page token)",
      new SendbirdError({ ...where, status: 400, code: 400111, message: "Invalid value: token." }),
      400,
      "sendbird_400111",
    ],
    [
      "a rejected token, the console's own misconfiguration",
      new SendbirdAuthError({ ...where, status: 400, code: 400401, message: "Invalid API token." }),
      502,
      "sendbird_400401",
    ],
    ["a rate limit", new SendbirdRateLimitError({ ...where, status: 429, code: 500910, message: "Too many requests." }), 429, "sendbird_500910"],
    ["Sendbird failing", new SendbirdServerError({ ...where, status: 503, code: null, message: "Unavailable." }), 502, "sendbird_503"],
    ["Sendbird out of reach", new SendbirdConnectionError({ ...where, status: 0, code: null, message: "fetch failed" }), 502, "sendbird_0"],
    ["Sendbird too slow", new SendbirdTimeoutError({ ...where, status: 0, code: null, message: "No answer within 10000 ms." }), 504, "sendbird_0"],
  ])("%s answers %i", async (_, err, status, code) => {
    const response = handleApiError(err);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
  });
});
