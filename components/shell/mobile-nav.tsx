"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { Permission } from "@/lib/auth/permissions";
import { navItems } from "./nav-items";

/** The sections on narrow screens, where the sidebar is hidden. */
export function MobileNav({ allowed }: { allowed: readonly Permission[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Sections">
          <Menu aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        {navItems
          .filter((item) => allowed.includes(item.permission))
          .map((item) => {
            const Icon = item.icon;
            return item.ready ? (
              <DropdownMenuItem key={item.href} asChild>
                <Link href={item.href}>
                  <Icon aria-hidden /> {item.label}
                </Link>
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem key={item.href} disabled>
                <Icon aria-hidden /> {item.label} (soon)
              </DropdownMenuItem>
            );
          })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
