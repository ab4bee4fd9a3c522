import { describe, expect, test } from "vitest";
import { noteActor, requestContext, requestIdFrom, withRequestContext } from "./request-context";

describe("a request's context", () => {
  test("is the same for everything the request starts, and gone outside it", async () => {
    expect(requestContext()).toBeUndefined();
    await withRequestContext({ id: "r1" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      noteActor("acc-1", "operator");
      expect(requestContext()).toEqual({ id: "r1", actor: { accountId: "acc-1", role: "operator" } });
    });
    expect(requestContext()).toBeUndefined();
  });

  test("keeps a trusted proxy's request id when it is a plain token, and makes a new one otherwise", () => {
    expect(requestIdFrom("edge-42.a:b", true)).toBe("edge-42.a:b");
    expect(requestIdFrom(["first", "second"], true)).toBe("first");
    const fresh = /^[0-9a-f-]{36}$/;
    // A client that is not a trusted proxy cannot choose the id its audit rows and log lines carry.
    expect(requestIdFrom("chosen-by-client", false)).toMatch(fresh);
    expect(requestIdFrom("has spaces", true)).toMatch(fresh);
    expect(requestIdFrom("x".repeat(65), true)).toMatch(fresh);
    expect(requestIdFrom(undefined, true)).toMatch(fresh);
  });
});
