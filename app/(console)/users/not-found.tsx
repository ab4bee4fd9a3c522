import { ObjectNotFound } from "@/components/errors/refusals";

// 404 for a user id Sendbird does not know (answered by the detail page's layout).
export default function NotFound() {
  return <ObjectNotFound what="user" list={{ href: "/users", label: "Search the users list" }} />;
}
