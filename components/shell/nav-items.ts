import { Activity, KeyRound, LayoutDashboard, PhoneCall, ScrollText, Settings, Users } from "lucide-react";
import type { LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Sections that show Sendbird data open once sign-in exists; until then they are listed but inert. */
  ready: boolean;
}

/** The console's sections, in sidebar order. */
export const navItems: NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, ready: true },
  { href: "/live-events", label: "Live events", icon: Activity, ready: false },
  { href: "/users", label: "Users", icon: Users, ready: false },
  { href: "/calls", label: "Calls", icon: PhoneCall, ready: false },
  { href: "/tokens", label: "API tokens", icon: KeyRound, ready: false },
  { href: "/audit", label: "Audit trail", icon: ScrollText, ready: false },
  { href: "/settings", label: "Settings", icon: Settings, ready: false },
];
