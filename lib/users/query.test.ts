import { describe, expect, test } from "vitest";
import { toUserListParams, usersQuerySchema, usersSearch } from "./query";

describe("the users list's URL", () => {
  test("reads every search into the Chat API's list parameters", () => {
    const q = usersQuerySchema.parse({
      ids: ["a,b", "c"],
      nicknamePrefix: " Ann ",
      metadataKey: "team",
      metadataValues: "red,blue",
      status: "all",
      limit: "50",
      next: "tok",
    });
    expect(toUserListParams(q)).toEqual({
      userIds: ["a", "b", "c"],
      nickname: undefined,
      nicknameStartsWith: "Ann",
      metadataKey: "team",
      metadataValues: ["red", "blue"],
      activeMode: "all",
      limit: 50,
      next: "tok",
    });
  });

  test("defaults to active users, 20 a page", () => {
    expect(toUserListParams(usersQuerySchema.parse({}))).toMatchObject({ activeMode: "activated", limit: 20, userIds: undefined });
  });

  test("explains what it cannot apply", () => {
    const issues = (raw: Record<string, unknown>) => usersQuerySchema.safeParse(raw).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ status: "banned" })).toEqual(["status: Choose active, deactivated or all."]);
    expect(issues({ limit: "7" })).toEqual(["limit: Choose 10, 20, 50 or 100 per page."]);
    expect(issues({ metadataValues: "red" })).toEqual(["metadataKey: Name the metadata key the values belong to."]);
    expect(issues({ metadataKey: "team" })).toEqual(["metadataValues: Give at least one value for the metadata key."]);
    expect(issues({ next: "<script>" })).toEqual(["next: Not a page of this list."]);
    expect(issues({ ids: "x".repeat(81) })).toEqual(["ids.0: A user id is at most 80 characters."]);
  });

  test("writes the filters back in a fixed order, without the page token", () => {
    expect(usersSearch({ status: "all", nicknamePrefix: "Ann", next: "tok" })).toBe("?nicknamePrefix=Ann&status=all");
    expect(usersSearch({ status: "all" }, { next: "t2" })).toBe("?status=all&next=t2");
  });
});
