import { BellRing } from "lucide-react";
import Link from "next/link";
import type { OpenAlertBrief } from "@/lib/alerts/store";

/** An event's open alerts in brief, each linking to the alerts page; nothing when there are none. */
export function OpenAlertList({ alerts, about }: { alerts: OpenAlertBrief[]; about: string }) {
  if (alerts.length === 0) return null;
  return (
    <ul aria-label={`Open alerts on ${about}`} className="space-y-1">
      {alerts.map((a) => (
        <li key={a.id} className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-2 py-1 text-sm">
          <BellRing aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
          <span>
            <Link href="/alerts" className="font-medium underline-offset-4 hover:underline">
              {a.acknowledged ? "Acknowledged" : "Alert"}: {a.ruleName}
            </Link>
            {" — "}
            {a.summary}
          </span>
        </li>
      ))}
    </ul>
  );
}
