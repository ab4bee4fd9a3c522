import { describe, expect, test } from "vitest";
import { auditQuerySchema, filterSearch, toFilter } from "./query";

describe("the audit page's URL", () => {
  test("parses filters, UTC times and the page cursor", () => {
    const q = auditQuerySchema.parse({ actor: " admin@ ", outcome: "denied", from: "2026-11-01", to: "2026-11-25T14:30", before: "120" });
    expect(toFilter(q)).toMatchObject({ actorContains: "admin@", outcome: "denied", before: 120 });
    expect(q.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(q.to?.toISOString()).toBe("2026-11-25T14:30:00.000Z");
  });

  test("treats empty fields as no filter", () => {
    expect(toFilter(auditQuerySchema.parse({ actor: "", outcome: "", from: "", before: "" }))).toEqual(toFilter(auditQuerySchema.parse({})));
  });

  test("refuses bad values with a message naming the field", () => {
    const bad = auditQuerySchema.safeParse({
      outcome: "maybe",
      from: "yesterday",
      before: "1;drop table",
      to: "2026-01-01",
      actor: "x".repeat(400),
      target: "a\u0000b",
      action: "\ud800",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["outcome", "from", "before", "actor", "target", "action"]));
    expect(auditQuerySchema.safeParse({ from: "2026-11-25", to: "2026-11-01" }).error?.issues[0]?.path).toEqual(["to"]);
  });

  test("writes a filter set back into a link without the cursor", () => {
    const q = auditQuerySchema.parse({ action: "account.create", from: "2026-11-01", before: "9" });
    expect(filterSearch(q)).toBe("?action=account.create&from=2026-11-01T00%3A00%3A00.000Z");
    expect(filterSearch(auditQuerySchema.parse({}), { before: 5 })).toBe("?before=5");
  });
});
