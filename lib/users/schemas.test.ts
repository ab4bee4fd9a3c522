import { expect, test } from "vitest";
import { issueFields } from "@/lib/fields";
import { deleteUserSchema, metadataItemSchema } from "./schemas";

// Nothing here loads full zod: the schemas run on zod/mini alone, as they do in the browser.

test("words zod's own messages as full zod does, where a schema gives none", () => {
  const result = deleteUserSchema.safeParse({ userId: "alice", confirmation: 5, extra: true });
  expect(issueFields(result.error?.issues ?? [])).toEqual({
    confirmation: "Invalid input: expected string, received number",
    input: 'Unrecognized key: "extra"',
  });
});

test("keeps the console's own messages and trims a metadata key", () => {
  expect(metadataItemSchema.parse({ userId: " alice ", key: " tier ", value: "gold" })).toEqual({ userId: "alice", key: "tier", value: "gold" });
  const result = metadataItemSchema.safeParse({ userId: "..", key: "a,b", value: "v".repeat(191) });
  expect(issueFields(result.error?.issues ?? [])).toEqual({
    userId: '"." and ".." are not user ids.',
    key: "A key cannot contain a comma.",
    value: "A value is at most 190 characters.",
  });
});
