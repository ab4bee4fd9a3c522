import { beforeAll, describe, expect, test } from "vitest";
import { listAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import { emulatorWithDatabase } from "@/lib/emulator/testing/with-database";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { loadCaseFile, openCaseFile } from "./case-file";
import { caseFileQuerySchema } from "./timeline-query";

const meta = { requestId: "req-case", ip: "192.0.2.40", userAgent: "test" };
const viewer: SessionUser = { id: crypto.randomUUID(), email: "support@example.com", name: "", role: "support", mustChangePassword: false };

describe("opening a case file", () => {
  const world = emulatorWithDatabase();
  const client = () => world.client();

  beforeAll(async () => {
    await world.emulator.call("POST", "/v3/users", { body: { user_id: "ada", nickname: "Ada", profile_url: "", issue_access_token: true } });
  });

  test("reads the profile without its credentials and records who opened it", async () => {
    const user = await openCaseFile(client(), world.db, viewer, "ada", meta);
    expect(user).toMatchObject({ userId: "ada", nickname: "Ada", hasAccessToken: true });
    expect(JSON.stringify(user)).not.toMatch(/access_token|session_tokens/);
    const [row] = await listAudit(world.db, { targetId: "ada" });
    expect(row).toMatchObject({ action: "user.view_case_file", outcome: "success", actorEmail: viewer.email, targetType: "user" });
  });

  test("records a user Sendbird does not know as a failure with its code", async () => {
    await expect(openCaseFile(client(), world.db, viewer, "nobody", meta)).rejects.toBeInstanceOf(SendbirdNotFoundError);
    const [row] = await listAudit(world.db, { targetId: "nobody" });
    expect(row).toMatchObject({ action: "user.view_case_file", outcome: "failure", sendbirdCode: 400201 });
  });

  test("reads the profile and the timeline together; no timeline when its filters cannot be applied", async () => {
    const loaded = await loadCaseFile(client(), world.db, viewer, "ada", meta, caseFileQuerySchema.parse({}));
    expect(loaded.user).toMatchObject({ userId: "ada" });
    expect(await loaded.timeline).toMatchObject({ ok: true, value: { timeline: { entries: expect.any(Array) }, index: expect.any(Object) } });
    expect((await loadCaseFile(client(), world.db, viewer, "ada", meta, null)).timeline).toBeNull();
  });

  test("keeps a failed timeline read for its section, and the profile shows", async () => {
    expect((await world.emulator.control("POST", "/faults", { method: "GET", path: "/v1/users/ada/calls", status: 500 })).status).toBe(200);
    try {
      const loaded = await loadCaseFile(world.client({ maxRetries: 0 }), world.db, viewer, "ada", meta, caseFileQuerySchema.parse({}));
      expect(loaded.user).toMatchObject({ userId: "ada" });
      expect(await loaded.timeline).toMatchObject({ ok: false, error: expect.any(Error) });
    } finally {
      await world.emulator.control("DELETE", "/faults");
    }
  });
});
