import { ObjectNotFound } from "@/components/errors/refusals";

// 404 for a room id Sendbird does not know (answered by the detail page's layout).
export default function NotFound() {
  return <ObjectNotFound what="room" list={{ href: "/calls/rooms", label: "Search the rooms list" }} />;
}
