import type * as React from "react";
import { QueryProvider } from "@/components/queries/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { requireSession } from "@/lib/auth/session";

// Every console page needs a session; each page still checks its own permission. One query client per tab
// serves every read the browser makes.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSession();
  return (
    <QueryProvider>
      <AppShell user={user}>{children}</AppShell>
    </QueryProvider>
  );
}
