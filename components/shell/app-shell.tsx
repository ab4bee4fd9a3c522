import { Clapperboard } from "lucide-react";
import Link from "next/link";
import type * as React from "react";
import { settings } from "@/lib/env";
import { AppSidebar } from "./app-sidebar";
import { JumpButton } from "./jump-button";
import { MobileNav } from "./mobile-nav";
import { ModeBadge } from "./mode-badge";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { QueryProvider } from "@/components/queries/query-provider";
import { permissionsOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

/** The console frame: sidebar of sections, header with the mode, and the page; one query client per tab for the browser's reads. */
export function AppShell({ children, user }: { children: React.ReactNode; user: SessionUser | null }) {
  const { mode, appId } = settings();
  const allowed = user ? permissionsOf(user.role) : [];
  return (
    <QueryProvider>
      <div className="grid min-h-screen md:grid-cols-[15rem_1fr]">
        <aside className="hidden border-r bg-sidebar md:block">
          <Link href="/" className="flex h-14 items-center gap-2 border-b px-5 font-semibold">
            <Clapperboard className="size-5" aria-hidden />
            Showrunner
          </Link>
          <AppSidebar allowed={allowed} />
        </aside>
        <div className="flex min-w-0 flex-col">
          {/* On a phone the header keeps every control: the brand and the badge shorten, the buttons keep their names. */}
          <header className="flex h-14 items-center gap-2 border-b px-3 sm:gap-3 sm:px-4 md:px-6">
            <MobileNav allowed={allowed} />
            <Link href="/" aria-label="Showrunner" className="flex shrink-0 items-center gap-2 font-semibold md:hidden">
              <Clapperboard className="size-5" aria-hidden />
              <span className="hidden sm:inline">Showrunner</span>
            </Link>
            <ModeBadge mode={mode} appId={appId} />
            <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
              {user && <JumpButton allowed={allowed} />}
              <ThemeToggle />
              {user && <UserMenu email={user.email} role={user.role} />}
            </div>
          </header>
          <main id="main" className="flex-1 p-4 md:p-6">
            {children}
          </main>
        </div>
      </div>
    </QueryProvider>
  );
}
