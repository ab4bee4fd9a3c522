"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import type { Permission } from "@/lib/auth/permissions";
import { navItems } from "./nav-items";

/** The section list; the current section is marked for assistive technology too. */
export function AppSidebar({ allowed }: { allowed: readonly Permission[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="flex flex-col gap-1 p-3">
      {navItems
        .filter((item) => allowed.includes(item.permission))
        .map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          const Icon = item.icon;
          if (!item.ready) {
            return (
              <span
                key={item.href}
                aria-disabled="true"
                title="This section is not built yet"
                className="flex cursor-not-allowed items-center gap-2 rounded-md px-3 py-2 text-sm text-muted-foreground/70"
              >
                <Icon className="size-4" aria-hidden />
                {item.label}
                <span className="ml-auto text-[10px] uppercase tracking-wide">soon</span>
              </span>
            );
          }
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
                active && "bg-accent text-accent-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {item.label}
            </Link>
          );
        })}
    </nav>
  );
}
