import { describe, expect, test } from "vitest";
import { z } from "zod/mini";
import { stillFailing } from "./use-action";

const schema = z.object({
  title: z.string().check(z.maxLength(5, "At most 5.")),
  hosts: z.array(z.string()).check(z.minLength(1, "Pick at least one.")),
});

describe("a refused field's message", () => {
  const refused = { input: { title: "too long", hosts: [] as string[] } };
  const fields = { title: "At most 5.", hosts: "Pick at least one." };

  test("lasts while the field keeps the value it was refused with", () => {
    expect(stillFailing(fields, refused, { title: "too long", hosts: [] }, schema)).toEqual(fields);
  });

  test("goes as soon as the field holds, while the others keep theirs", () => {
    expect(stillFailing(fields, refused, { title: "ok", hosts: [] }, schema)).toEqual({ hosts: "Pick at least one." });
    expect(stillFailing(fields, refused, { title: "too long", hosts: ["ada"] }, schema)).toEqual({ title: "At most 5." });
  });

  test("changed but still wrong, it says the current reason", () => {
    const server = { title: "Taken on Sendbird.", hosts: "Pick at least one." };
    expect(stillFailing(server, refused, { title: "longer still", hosts: [] }, schema)).toEqual({ title: "At most 5.", hosts: "Pick at least one." });
  });

  test("without a schema a changed field loses its message; without the current input nothing changes", () => {
    expect(stillFailing(fields, refused, { title: "x", hosts: [] }, undefined)).toEqual({ hosts: "Pick at least one." });
    expect(stillFailing(fields, refused, undefined, schema)).toBe(fields);
  });
});
