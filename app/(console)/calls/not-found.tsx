import { ObjectNotFound } from "@/components/errors/refusals";

// 404 for a direct call id Sendbird does not know (answered by the detail page's layout).
export default function NotFound() {
  return <ObjectNotFound what="direct call" list={{ href: "/calls", label: "Search the calls list" }} />;
}
