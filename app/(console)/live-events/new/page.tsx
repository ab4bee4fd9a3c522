import type { Metadata } from "next";
import Link from "next/link";
import { CreateEventForm } from "@/components/live-events/create-event-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New live event" };

// GET /live-events/new — create a live event (operate permission).
export default async function NewLiveEventPage() {
  await requirePermission("liveEvents.operate", "/live-events/new");
  return (
    <div className="space-y-6">
      <PageHeader
        back={
          <Link href="/live-events" className="text-sm underline">
            ← Live events
          </Link>
        }
        title="New live event"
        description="The event starts in the “created” state; nobody is on air until you set it ready and start it."
      />
      <CreateEventForm />
    </div>
  );
}
