import { headers } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { ErrorState } from "@/components/errors/error-state";
import { BadId, ReadFailure } from "@/components/errors/read-failure";
import { FilterProblem } from "@/components/lists/filter-problem";
import { RetryButton } from "@/components/errors/retry-button";
import type { FilterValues } from "@/components/forms/filter-form";
import { PageHeader } from "@/components/shell/page-header";
import { RememberRecent } from "@/components/shell/recents";
import { Pending } from "@/components/skeletons";
import { CaseFileTimelineSkeleton } from "@/components/page-skeletons";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { IndexFreshness } from "@/components/activity/index-freshness";
import { CaseFileEntries, CaseFileFilters } from "@/components/users/case-file-timeline";
import { CaseFileSummaryTiles, WindowInWords } from "@/components/users/case-file-summary";
import { RefreshActivityButton } from "@/components/users/refresh-activity-button";
import { MetadataCard } from "@/components/users/metadata-card";
import { UserActions } from "@/components/users/user-actions";
import { UserAvatar } from "@/components/users/user-avatar";
import { requestMeta } from "@/lib/api/request-meta";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { explain, settled, settlesWithin } from "@/lib/errors";
import type { Settled } from "@/lib/errors";
import { utc } from "@/lib/format";
import { proxiedImageSrc } from "@/lib/images/server";
import { sendbird } from "@/lib/sendbird/server";
import { idFromParam, liveEventPath, userBundlePath, userPath } from "@/lib/paths";
import { listSearch } from "@/lib/url-params";
import { loadCaseFile, userIdSchema } from "@/lib/users/case-file";
import { caseFileOpening } from "@/lib/pages/detail-reads";
import type { CaseFileTimelineReading, IndexedActivity } from "@/lib/users/case-file";
import type { UserDto } from "@/lib/sendbird/dto";
import { maxCalls, maxSessions } from "@/lib/users/timeline";
import { summarize } from "@/lib/users/summary";
import { caseFileKeys, caseFileQuerySchema, shownEntries } from "@/lib/users/timeline-query";
import type { CaseFileQuery } from "@/lib/users/timeline-query";

/**
 * How much longer than the profile the page waits for the timeline before showing the profile alone and
 * streaming the timeline in: React reveals a streamed part no sooner than 300 ms after the last reveal, so a
 * timeline ready within this renders sooner with the page than behind its own skeleton.
 */
const timelineWaitMs = 400;

/** Sendbird's `last_seen_at` beside the latest activity the index knows, when the index knows a later one. */
function LastSeen({ lastSeenAt, isOnline, latest }: { lastSeenAt: number | null; isOnline: boolean; latest: IndexedActivity | null }) {
  if (isOnline || !latest || (lastSeenAt !== null && lastSeenAt >= latest.at)) return null;
  return (
    <p className="text-sm">
      <span className="font-medium">Seen later than Sendbird says:</span> Sendbird&apos;s last seen (its <code className="font-mono text-xs">last_seen_at</code>
      , the chat connection) is {lastSeenAt === null ? "not set" : `${utc(lastSeenAt, "minute")} UTC`}; the console&apos;s activity index has them{" "}
      {latest.role === "host" ? "hosting" : "watching"}{" "}
      <Link href={liveEventPath(latest.liveEventId)} className="underline">
        {latest.title || "Untitled live event"}
      </Link>{" "}
      {latest.stillIn ? "still, when last read at" : "until"} {utc(latest.at, "minute")} UTC.
    </p>
  );
}

/** The timeline section: its own read (started with the profile's, awaited here), its own error; the summary heads it. */
async function Timeline({
  user,
  query,
  reading,
  showAllHref,
}: {
  user: Pick<UserDto, "userId" | "lastSeenAt" | "isOnline">;
  query: CaseFileQuery;
  reading: Promise<Settled<CaseFileTimelineReading>>;
  showAllHref: string;
}) {
  const read = await reading;
  if (!read.ok) return <ErrorState explanation={explain(read.error)} action={<RetryButton />} />;
  const { timeline, index, latestIndexed } = read.value;
  const shown = query.show === "all" ? timeline.entries : timeline.entries.slice(0, shownEntries);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">
        Showing <WindowInWords query={query} />.
      </p>
      <CaseFileSummaryTiles summary={summarize(timeline.entries, query)} truncated={{ calls: timeline.callsTruncated, activity: timeline.activityTruncated }} />
      <LastSeen lastSeenAt={user.lastSeenAt} isOnline={user.isOnline} latest={latestIndexed} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-prose space-y-1">
          <p role="status" className="text-xs text-muted-foreground">
            {timeline.entries.length} {timeline.entries.length === 1 ? "entry" : "entries"} · calls from Sendbird and changes from the audit trail, fetched at{" "}
            {utc(timeline.fetchedAt, "clock")} UTC
            {timeline.callsTruncated && ` · showing the newest ${maxCalls} calls: narrow the range to see older ones`}
            {timeline.activityTruncated && ` · showing the newest ${maxSessions} hosted and watched sessions: narrow the range to see older ones`}
          </p>
          <IndexFreshness status={index} />
        </div>
        <RefreshActivityButton userId={user.userId} />
      </div>
      <CaseFileEntries entries={shown} />
      {shown.length < timeline.entries.length && (
        <p className="text-sm text-muted-foreground">
          Listing the newest {shown.length} of {timeline.entries.length} entries; the support bundle holds them all.{" "}
          <Link className="underline" href={showAllHref}>
            List all {timeline.entries.length}
          </Link>
        </p>
      )}
    </div>
  );
}

// GET /users/[userId] — one user's case file: their profile as Sendbird has it and their timeline (opening it is audited).
export default async function UserPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<FilterValues> }) {
  const parsed = userIdSchema.safeParse(idFromParam((await params).userId));
  const values = await searchParams;
  const viewer = await requirePermission("data.read", parsed.success ? userPath(parsed.data) : "/users");
  if (!parsed.success) return <BadId what="user" message={parsed.error.issues[0]?.message} />;
  const timelineQuery = caseFileQuerySchema.safeParse(values);
  const back = (
    <Link href="/users" className="text-sm underline">
      ← Users
    </Link>
  );
  const meta = requestMeta(await headers());
  const timelineFilters = timelineQuery.success ? timelineQuery.data : null;
  // The database opens inside the read, so a database that cannot open is shown like any failed read.
  const loaded = await settled(
    database().then((db) => loadCaseFile(sendbird(), db, viewer, parsed.data, meta, timelineFilters, () => caseFileOpening(parsed.data))),
  );
  if (!loaded.ok) {
    return <ReadFailure title="User" back={back} error={loaded.error} missing={`No user with id '${parsed.data}'. Check the id, or search the users list.`} />;
  }
  const { user, fetchedAt, timeline } = loaded.value;
  // The timeline's reads started with the profile's: ready soon after it (as a rule), it renders with the page.
  const timelineReady = timeline !== null && (await settlesWithin(timeline, timelineWaitMs));
  const timelinePart = timelineQuery.success && timeline && (
    <Timeline
      user={user}
      query={timelineQuery.data}
      reading={timeline}
      showAllHref={`${userPath(user.userId)}${listSearch(caseFileKeys, values, { show: "all" })}`}
    />
  );
  const facts: [string, React.ReactNode][] = [
    ["Status", user.isActive ? "Active" : "Deactivated"],
    [
      "Last seen",
      user.isOnline ? (
        "Online now"
      ) : user.lastSeenAt ? (
        <span title="Sendbird's last_seen_at: when the user's chat connection was last open">{utc(user.lastSeenAt, "minute")} UTC (Sendbird)</span>
      ) : (
        "Not online"
      ),
    ],
    ["Created", user.createdAt ? `${utc(user.createdAt, "minute")} UTC` : "—"],
    ["Has signed in", user.hasEverLoggedIn ? "Yes" : "Never"],
    ["Languages", user.preferredLanguages.join(", ") || "—"],
  ];
  return (
    <div className="space-y-6">
      <RememberRecent href={userPath(user.userId)} label={user.nickname || user.userId} detail={`User · ${user.userId}`} />
      <PageHeader
        leading={<UserAvatar src={proxiedImageSrc(user.profileUrl)} name={user.nickname || user.userId} size="lg" />}
        title={user.nickname || user.userId}
        badges={<Badge variant={user.isActive ? "secondary" : "destructive"}>{user.isActive ? "Active" : "Deactivated"}</Badge>}
        meta={
          <>
            {user.userId} · fetched from Sendbird at {utc(fetchedAt, "clock")} UTC
          </>
        }
      />
      {can(viewer.role, "users.manage") && (
        <UserActions user={{ userId: user.userId, nickname: user.nickname, profileUrl: user.profileUrl, isActive: user.isActive }} />
      )}
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="sr-only">
          Profile
        </h2>
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className="text-xs text-muted-foreground">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Section
        title="Timeline"
        extra={
          <nav aria-label="Export support bundle" className="flex flex-wrap gap-3 text-sm">
            <span className="text-muted-foreground">Export support bundle:</span>
            {(["json", "csv"] as const).map((format) => (
              <a key={format} className="underline" download href={`${userBundlePath(user.userId)}${listSearch(caseFileKeys, values, { format })}`}>
                {format.toUpperCase()}
              </a>
            ))}
          </nav>
        }
      >
        <CaseFileFilters action={userPath(user.userId)} values={values} query={timelineFilters} />
        {timelineQuery.success && timeline ? (
          timelineReady ? (
            timelinePart
          ) : (
            <Suspense
              key={JSON.stringify(values)}
              fallback={
                <Pending what="the timeline">
                  <CaseFileTimelineSkeleton />
                </Pending>
              }
            >
              {timelinePart}
            </Suspense>
          )
        ) : (
          <FilterProblem issues={timelineQuery.error?.issues ?? []} clearHref={userPath(user.userId)} />
        )}
      </Section>
      <Section title="Metadata">
        <MetadataCard userId={user.userId} metadata={user.metadata} canEdit={can(viewer.role, "users.manage")} />
      </Section>
      <p className="text-xs text-muted-foreground">
        Opening this page is recorded in the audit trail.{" "}
        <Link href="/live-events" className="underline">
          Back to live events
        </Link>
      </p>
    </div>
  );
}
