import { describe, expect, test } from "vitest";
import { can, permissions } from "./permissions";

describe("the permission table", () => {
  test.each([
    ["data.read", true, true, true],
    ["liveEvents.operate", true, true, false],
    ["calls.operate", true, true, false],
    ["users.manage", true, true, false],
    ["tokens.manage", true, false, false],
    ["accounts.manage", true, false, false],
    ["audit.read", true, false, false],
    ["alerts.manage", true, false, false],
    ["alerts.acknowledge", true, true, false],
  ] as const)("%s: admin %s, operator %s, support %s", (permission, admin, operator, support) => {
    expect([can("admin", permission), can("operator", permission), can("support", permission)]).toEqual([admin, operator, support]);
  });

  test("covers every permission", () => {
    expect(permissions).toHaveLength(9);
  });
});
