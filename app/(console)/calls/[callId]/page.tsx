import Link from "next/link";
import { EndResult } from "@/components/calls/end-result";
import { CustomItemsCard } from "@/components/custom-items/custom-items-card";
import { BadId, ReadFailure } from "@/components/errors/read-failure";
import { RawObject } from "@/components/raw-object";
import { RecordingsTable } from "@/components/recordings/recordings-table";
import { PageHeader } from "@/components/shell/page-header";
import { RememberRecent } from "@/components/shell/recents";
import { Timeline } from "@/components/timeline/timeline";
import { Facts } from "@/components/ui/facts";
import { Section } from "@/components/ui/section";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UserCell } from "@/components/users/user-cell";
import { removeCallCustomItems, updateCallCustomItems } from "@/lib/actions/calls";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { callIdSchema } from "@/lib/calls/schemas";
import { callDuration, callTimeline, droppedText, endedByText, loadCall } from "@/lib/calls/detail";
import { endResultText } from "@/lib/calls/end-results";
import { settled } from "@/lib/errors";
import { utc } from "@/lib/format";
import { callRead } from "@/lib/pages/detail-reads";
import { callPath, idFromParam } from "@/lib/paths";
import { sendbird } from "@/lib/sendbird/server";

// GET /calls/[callId] — one direct call: its parties, timeline, end result explained, recordings, custom items and raw object.
export default async function CallPage({ params }: { params: Promise<{ callId: string }> }) {
  const parsed = callIdSchema.safeParse(idFromParam((await params).callId));
  const user = await requirePermission("data.read", parsed.success ? callPath(parsed.data) : "/calls");
  if (!parsed.success) return <BadId what="call" message={parsed.error.issues[0]?.message} />;
  const back = (
    <Link href="/calls" className="text-sm underline">
      ← Calls
    </Link>
  );
  const loaded = await settled(loadCall(sendbird(), parsed.data, callRead(parsed.data)));
  if (!loaded.ok) {
    return (
      <ReadFailure
        title="Direct call"
        back={back}
        error={loaded.error}
        missing={`No direct call with id '${parsed.data}'. Check the id, or search the calls list.`}
      />
    );
  }
  const { call, raw, fetchedAt } = loaded.value;
  const result = endResultText(call.endResult);
  const canOperate = can(user.role, "calls.operate");
  const parties = [
    { role: "Caller", party: call.caller },
    { role: "Callee", party: call.callee },
  ];
  return (
    <div className="space-y-6">
      <RememberRecent
        href={callPath(call.callId)}
        label={`Direct call ${call.caller?.userId ?? "someone"} → ${call.callee?.userId ?? "someone"}`}
        detail={`Call · ${call.callId}`}
      />
      <PageHeader
        back={back}
        title={
          <>
            {call.isVideo ? "Video call" : "Audio call"}: {call.caller?.nickname || call.caller?.userId || "?"} →{" "}
            {call.callee?.nickname || call.callee?.userId || "?"}
          </>
        }
        meta={
          <>
            {call.callId} · fetched from Sendbird at {utc(fetchedAt, "clock")} UTC
          </>
        }
      />
      <Section title="How it ended">
        <Facts
          label="How it ended"
          rows={[
            ["End result", <EndResult key="r" result={call.endResult} />],
            ["What that means", result.meaning],
            ...(droppedText(call) !== null ? [["Whose connection", droppedText(call)] as [string, string]] : []),
            ["Ended by", endedByText(call)],
            ["Duration", callDuration(call)],
            ["State", call.state ?? "—"],
          ]}
        />
      </Section>
      <Section title="Timeline">
        <Timeline steps={callTimeline(call)} />
      </Section>
      <Section title="Participants">
        <Table aria-label="Participants">
          <TableHeader>
            <TableRow>
              <TableHead>Role</TableHead>
              <TableHead>User</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {parties.map(({ role, party }) => (
              <TableRow key={role}>
                <TableCell>{role}</TableCell>
                <TableCell>
                  {party ? <UserCell userId={party.userId} nickname={party.nickname} /> : <span className="text-muted-foreground">Not listed by Sendbird</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="Cloud recordings">
        <RecordingsTable recordings={call.recordings} owner="call" />
      </Section>
      <Section title="Custom items" description="Free key/value data Sendbird keeps with the call.">
        <CustomItemsCard
          targetId={call.callId}
          noun="call"
          items={call.customItems}
          edit={canOperate ? { save: updateCallCustomItems, remove: removeCallCustomItems } : undefined}
        />
      </Section>
      <RawObject value={raw} />
    </div>
  );
}
