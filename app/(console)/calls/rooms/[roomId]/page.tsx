import Link from "next/link";
import { RoomState } from "@/components/calls/room-state";
import { RoomParticipantsTable } from "@/components/calls/room-participants-table";
import { RoomPresence } from "@/components/calls/room-presence";
import { CustomItemsCard } from "@/components/custom-items/custom-items-card";
import { RecordingsTable } from "@/components/recordings/recordings-table";
import { ErrorState } from "@/components/errors/error-state";
import { BadId, ReadFailure } from "@/components/errors/read-failure";
import { RetryButton } from "@/components/errors/retry-button";
import { PageLink } from "@/components/lists/page-link";
import { RawObject } from "@/components/raw-object";
import { PageHeader } from "@/components/shell/page-header";
import { RememberRecent } from "@/components/shell/recents";
import { Facts } from "@/components/ui/facts";
import { Section } from "@/components/ui/section";
import { UserLink } from "@/components/users/user-link";
import { requirePermission } from "@/lib/auth/session";
import { roomIdSchema } from "@/lib/calls/schemas";
import { loadRoom } from "@/lib/calls/rooms";
import { roomTitle, roomTypeText } from "@/lib/calls/rooms-query";
import { explain, settled } from "@/lib/errors";
import { utc } from "@/lib/format";
import { roomRead } from "@/lib/pages/detail-reads";
import { idFromParam, roomPath } from "@/lib/paths";
import { sendbird } from "@/lib/sendbird/server";
import { participantsPageSchema } from "@/lib/url-params";

// GET /calls/rooms/[roomId] — one group-call room: who created it, everyone who entered, custom items, delete, raw object.
export default async function RoomPage({
  params,
  searchParams,
}: {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = roomIdSchema.safeParse(idFromParam((await params).roomId));
  await requirePermission("data.read", parsed.success ? roomPath(parsed.data) : "/calls/rooms");
  if (!parsed.success) return <BadId what="room" message={parsed.error.issues[0]?.message} />;
  const id = parsed.data;
  const { participants: token } = participantsPageSchema.parse(await searchParams);
  const back = (
    <Link href="/calls/rooms" className="text-sm underline">
      ← Rooms
    </Link>
  );
  const loaded = await settled(loadRoom(sendbird(), id, token, roomRead(id)));
  if (!loaded.ok)
    return <ReadFailure title="Room" back={back} error={loaded.error} missing={`No room with id '${id}'. Check the id, or search the rooms list.`} />;
  const { room, raw, participants, fetchedAt } = loaded.value;
  const base = roomPath(id);
  return (
    <div className="space-y-6">
      <RememberRecent href={roomPath(room.roomId)} label={roomTitle(room)} detail={`Room · ${room.roomId}`} />
      <PageHeader
        back={back}
        title={roomTitle(room)}
        badges={<RoomState state={room.state} />}
        meta={
          <>
            {room.roomId} · fetched from Sendbird at {utc(fetchedAt, "clock")} UTC
          </>
        }
      />
      <Section title="About">
        <Facts
          label="About the room"
          rows={[
            ["Created", `${utc(room.createdAt)} UTC`],
            [
              "Created by",
              room.createdBy ? (
                <UserLink key="c" userId={room.createdBy} className="underline">
                  {room.createdBy}
                </UserLink>
              ) : (
                "the Platform API (no user)"
              ),
            ],
            ["Type", roomTypeText(room.type)],
            ["In the room now", String(room.currentParticipants.length)],
            ["Last change", `${utc(room.updatedAt)} UTC`],
            ...(room.deletedAt !== null
              ? ([["Deleted", `${utc(room.deletedAt)} UTC${room.deletedBy ? ` by ${room.deletedBy}` : ""}`]] as [string, string][])
              : []),
          ]}
        />
      </Section>
      <Section title="Participants" description="Everyone who entered, newest first; someone who entered twice has a row per stay.">
        {participants.ok ? (
          <RoomParticipantsTable participants={participants.value.items} now={fetchedAt} />
        ) : (
          <ErrorState explanation={explain(participants.error)} action={token ? undefined : <RetryButton />} />
        )}
        <nav aria-label="Participant pages" className="flex justify-end gap-2">
          <PageLink href={token ? base : null} label="First participants" />
          <PageLink
            href={participants.ok && participants.value.next ? `${base}?participants=${encodeURIComponent(participants.value.next)}` : null}
            label="Next participants"
          />
        </nav>
        {participants.ok && (
          <RoomPresence room={room} stays={participants.value.items} now={fetchedAt} partial={Boolean(token) || participants.value.next !== null} />
        )}
      </Section>
      <Section title="Cloud recordings">
        <RecordingsTable recordings={room.recordings} owner="room" />
      </Section>
      <Section title="Custom items" description="Free key/value data Sendbird keeps with the room.">
        <CustomItemsCard
          targetId={room.roomId}
          noun="room"
          items={room.customItems}
          readOnlyNote="A room's custom items are changed by the people in it, through Sendbird's Calls SDK; the Platform API only reads them."
        />
      </Section>
      <RawObject value={raw} />
    </div>
  );
}
