import { describe, expect, test } from "vitest";
import { customItemRowsSchema } from "@/lib/key-values";
import { issueFields } from "@/lib/fields";
import { copyRecordingSchema, createEventSchema, hostCandidatesSchema } from "./schemas";

const fieldsOf = (result: { success: boolean; error?: { issues: Parameters<typeof issueFields>[0] } }) =>
  result.success ? {} : issueFields(result.error?.issues ?? []);

describe("the create form's input", () => {
  const valid = { title: " Spring launch ", coverUrl: "", type: "audio", hostCandidates: ["alice", "bob", "alice"] };

  test("takes a valid event, trimming and dropping repeated hosts", () => {
    expect(createEventSchema.parse(valid)).toEqual({ title: "Spring launch", coverUrl: "", type: "audio", hostCandidates: ["alice", "bob"] });
  });

  test("names every field that breaks a spec limit", () => {
    const result = createEventSchema.safeParse({
      title: "t".repeat(192),
      coverUrl: `https://example.com/${"x".repeat(2048)}`,
      type: "radio",
      hostCandidates: [],
    });
    expect(fieldsOf(result)).toEqual({
      title: "A title is at most 191 characters.",
      coverUrl: "A cover URL is at most 2,048 characters.",
      type: "Choose video or audio-only.",
      hostCandidates: "Pick at least one host candidate.",
    });
  });

  test("takes no custom items: the Platform API's create has none", () => {
    expect(createEventSchema.safeParse({ ...valid, customItems: [] }).success).toBe(false);
  });

  test("refuses an 11th host candidate, a script URL and extra fields", () => {
    const hosts = Array.from({ length: 11 }, (_, i) => `host-${i}`);
    expect(fieldsOf(createEventSchema.safeParse({ ...valid, hostCandidates: hosts })).hostCandidates).toBe("At most 10 host candidates.");
    expect(fieldsOf(createEventSchema.safeParse({ ...valid, coverUrl: "javascript:alert(1)" })).coverUrl).toBe("Use an http(s) URL, or leave it empty.");
    expect(createEventSchema.safeParse({ ...valid, host_type: "multi" }).success).toBe(false);
  });

  test("reads a typed host list the same way as picked hosts", () => {
    expect(hostCandidatesSchema.parse(" alice, bob  alice ")).toEqual(["alice", "bob"]);
    expect(hostCandidatesSchema.safeParse(" , ").success).toBe(false);
  });
});

describe("custom-item rows", () => {
  test("allow ten items and refuse an eleventh", () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(Object.keys(customItemRowsSchema.parse(rows))).toHaveLength(10);
    expect(fieldsOf(customItemRowsSchema.safeParse([...rows, { key: "k10", value: "" }]))).toEqual({ input: "At most 10 custom items." });
  });

  test("refuse an empty key, a key over 128 characters and a key used twice, naming the row", () => {
    expect(fieldsOf(customItemRowsSchema.safeParse([{ key: " ", value: "x" }]))).toEqual({ "0.key": "A key cannot be empty." });
    expect(fieldsOf(customItemRowsSchema.safeParse([{ key: "k".repeat(129), value: "x" }]))).toEqual({ "0.key": "A key is at most 128 characters." });
    expect(
      fieldsOf(
        customItemRowsSchema.safeParse([
          { key: "a", value: "1" },
          { key: " a ", value: "2" },
        ]),
      ),
    ).toEqual({ "1.key": 'The key "a" is already used above.' });
  });
});

describe("copy to S3", () => {
  const valid = {
    liveEventId: "e1",
    recordingId: "r1",
    bucket: "my-recordings",
    region: "ap-northeast-2",
    accessKey: "AKIAABCDEFGHIJKLMNOP",
    secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  };

  test("takes AWS names as AWS spells them", () => {
    expect(copyRecordingSchema.parse(valid)).toEqual(valid);
    expect(copyRecordingSchema.safeParse({ ...valid, region: "us-gov-west-1" }).success).toBe(true);
  });

  test("explains a bad bucket, region, access key id and a missing secret key before sending anything", () => {
    expect(fieldsOf(copyRecordingSchema.safeParse({ ...valid, bucket: "My_Bucket", region: "Seoul", accessKey: "akia-123", secretKey: "" }))).toEqual({
      bucket: "Use lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.",
      region: "Use an AWS region code such as us-east-1 or ap-northeast-2 (the application's own region).",
      accessKey: "An AWS access key id is 16 to 128 uppercase letters and digits (e.g. AKIA…).",
      secretKey: "Enter the secret access key.",
    });
  });
});
