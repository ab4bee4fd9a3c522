import { Badge } from "@/components/ui/badge";

/** A room's state as a badge: open, deleted, or whatever Sendbird says. */
export function RoomState({ state }: { state: string }) {
  return <Badge variant={state === "open" ? "secondary" : "outline"}>{state === "open" ? "Open" : state === "deleted" ? "Deleted" : state}</Badge>;
}
