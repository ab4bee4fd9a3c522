import { describe, expect, test } from "vitest";
import * as accounts from "@/lib/accounts/actions";
import * as audit from "@/lib/audit/actions";
import * as calls from "@/lib/calls/actions";
import { callsExport } from "@/lib/calls/listing";
import { callsQuerySchema } from "@/lib/calls/query";
import * as liveEvents from "@/lib/live-events/actions";
import { liveEventsExport } from "@/lib/live-events/listing";
import { liveEventsQuerySchema } from "@/lib/live-events/query";
import * as savedViews from "@/lib/saved-views/actions";
import { createSendbirdClient } from "@/lib/sendbird/client";
import * as tokens from "@/lib/tokens/actions";
import { bundleExport } from "@/lib/users/bundle";
import { caseFileQuerySchema } from "@/lib/users/timeline-query";
import * as users from "@/lib/users/actions";
import { auditExport } from "./csv";
import { actionLabel } from "./labels";

const isAction = (value: unknown): value is { name: string } =>
  typeof value === "object" && value !== null && "name" in value && "permission" in value && "run" in value && typeof value.name === "string";

describe("audit action labels", () => {
  // Building an export job reads nothing: the client and database are used only once it is opened.
  const client = createSendbirdClient({ appId: "labels", apiToken: "unused" });
  const db = null as never; // never opened, see above
  const actions = [accounts, audit, calls, liveEvents, savedViews, tokens, users].flatMap((m) =>
    Object.values(m)
      .filter(isAction)
      .map((a) => a.name),
  );
  const exports = [
    callsExport(client, callsQuerySchema.parse({})),
    liveEventsExport(client, null, liveEventsQuerySchema.parse({})),
    bundleExport(client, db, {
      viewer: { id: "", email: "", name: "", role: "support", mustChangePassword: false },
      userId: "u",
      query: caseFileQuerySchema.parse({}),
      format: "csv",
    }),
    auditExport(db, {}),
  ].map((job) => job.action);
  const signIns = ["auth.sign_in", "auth.sign_in_sso", "auth.sign_out", "account.bootstrap", "user.view_case_file"];

  test.each([...actions, ...exports, ...signIns])("names %s in plain words", (action) => {
    expect(actionLabel(action)).toMatch(/^[A-Z][a-z]/);
  });

  test("names each export with what it exported", () => {
    expect(exports.map(actionLabel)).toEqual([
      "Exported direct calls (CSV)",
      "Exported live events (CSV)",
      "Exported a support bundle",
      "Exported the audit trail (CSV)",
    ]);
  });

  test("leaves a name it does not know to be shown as it is", () => {
    expect(actionLabel("someday.new_action")).toBeNull();
    expect(actionLabel("constructor")).toBeNull();
  });
});
