import { Badge } from "@/components/ui/badge";

const variants: Record<string, "default" | "secondary" | "outline" | "success" | "warning" | "destructive"> = {
  created: "outline",
  ready: "warning",
  ongoing: "success",
  ended: "secondary",
};

/** How the console names each state; unknown states (the SDK knows `paused`) show as Sendbird names them. */
export const stateLabels: Record<string, string> = { created: "Created", ready: "Ready", ongoing: "On air", ended: "Ended" };

/** A live event's state as a word with a colour; the word carries the meaning, the colour only helps. */
export function StateBadge({ state }: { state: string }) {
  return <Badge variant={variants[state] ?? "outline"}>{stateLabels[state] ?? state}</Badge>;
}
