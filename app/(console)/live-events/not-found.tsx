import { ObjectNotFound } from "@/components/errors/refusals";

// 404 for a live event id Sendbird does not know (answered by the detail page's layout).
export default function NotFound() {
  return <ObjectNotFound what="live event" list={{ href: "/live-events", label: "Search the live events list" }} />;
}
