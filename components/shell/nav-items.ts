import { Activity, BellRing, KeyRound, LayoutDashboard, PhoneCall, RefreshCw, ScrollText, Settings, Users } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Sections not built yet are listed but inert. */
  ready: boolean;
  /** Shown only to roles with this permission. */
  permission: Permission;
}

/** The console's sections, in sidebar order; navigation hides what a role cannot use (the pages still check). */
export const navItems: NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, ready: true, permission: "data.read" },
  { href: "/live-events", label: "Live events", icon: Activity, ready: true, permission: "data.read" },
  { href: "/users", label: "Users", icon: Users, ready: true, permission: "data.read" },
  { href: "/calls", label: "Calls", icon: PhoneCall, ready: true, permission: "data.read" },
  { href: "/alerts", label: "Alerts", icon: BellRing, ready: true, permission: "data.read" },
  { href: "/sync", label: "Sync status", icon: RefreshCw, ready: true, permission: "data.read" },
  { href: "/tokens", label: "API tokens", icon: KeyRound, ready: true, permission: "tokens.manage" },
  { href: "/audit", label: "Audit trail", icon: ScrollText, ready: true, permission: "audit.read" },
  { href: "/settings", label: "Settings", icon: Settings, ready: true, permission: "accounts.manage" },
];

/** Every console page Jump to can open by name: the sections, and the pages inside them people go to directly. */
export const consolePages: { href: string; label: string; permission: Permission }[] = [
  ...navItems.filter((i) => i.ready).map(({ href, label, permission }) => ({ href, label, permission })),
  { href: "/live-events/live", label: "On air now", permission: "data.read" },
  { href: "/live-events/new", label: "New live event", permission: "liveEvents.operate" },
  { href: "/calls/overview", label: "Calls overview", permission: "data.read" },
  { href: "/calls/rooms", label: "Rooms", permission: "data.read" },
  { href: "/alerts/setup", label: "Alert rules and channels", permission: "alerts.manage" },
  { href: "/account", label: "Your account", permission: "data.read" },
];
