import Link from "next/link";
import { cn } from "@/lib/utils";

const tabs = [
  { href: "/calls", label: "Direct calls" },
  { href: "/calls/rooms", label: "Rooms" },
  { href: "/calls/overview", label: "Overview" },
] as const;

/** The calls section's three views: one-to-one calls, group-call rooms, and the 30-day overview. */
export function CallsNav({ current }: { current: (typeof tabs)[number]["href"] }) {
  return (
    <nav aria-label="Calls views" className="flex gap-1 border-b">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm text-muted-foreground hover:text-foreground",
            t.href === current ? "border-primary font-medium text-foreground" : "border-transparent",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
