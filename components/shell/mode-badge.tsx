import { Badge } from "@/components/ui/badge";

/** Which application the console is operating on: always visible, so nobody mistakes the demo for production. */
export function ModeBadge({ mode, appId }: { mode: "emulator" | "sendbird"; appId: string }) {
  if (mode === "emulator") {
    return (
      <Badge variant="warning" title="Talking to the bundled Sendbird emulator with demo data">
        Emulator<span className="hidden sm:inline"> · demo data</span>
      </Badge>
    );
  }
  return (
    <Badge variant="success" title={`Talking to Sendbird application ${appId}`} className="min-w-0">
      <span className="hidden sm:inline">Sendbird app </span>
      <span className="truncate font-mono">{appId}</span>
    </Badge>
  );
}
