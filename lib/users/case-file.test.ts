import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { openCaseFile } from "./case-file";

const meta = { requestId: "req-case", ip: "192.0.2.40", userAgent: "test" };
const viewer: SessionUser = { id: crypto.randomUUID(), email: "support@example.com", name: "", role: "support", mustChangePassword: false };

describe("opening a case file", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  const client = () => emulatedClient(t);

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
    await t.call("POST", "/v3/users", { body: { user_id: "ada", nickname: "Ada", profile_url: "", issue_access_token: true } });
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("reads the profile without its credentials and records who opened it", async () => {
    const user = await openCaseFile(client(), d.db, viewer, "ada", meta);
    expect(user).toMatchObject({ userId: "ada", nickname: "Ada", hasAccessToken: true });
    expect(JSON.stringify(user)).not.toMatch(/access_token|session_tokens/);
    const [row] = await listAudit(d.db, { targetId: "ada" });
    expect(row).toMatchObject({ action: "user.view_case_file", outcome: "success", actorEmail: viewer.email, targetType: "user" });
  });

  test("records a user Sendbird does not know as a failure with its code", async () => {
    await expect(openCaseFile(client(), d.db, viewer, "nobody", meta)).rejects.toBeInstanceOf(SendbirdNotFoundError);
    const [row] = await listAudit(d.db, { targetId: "nobody" });
    expect(row).toMatchObject({ action: "user.view_case_file", outcome: "failure", sendbirdCode: 400201 });
  });
});
