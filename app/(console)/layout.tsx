import type * as React from "react";
import { AppShell } from "@/components/shell/app-shell";

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
