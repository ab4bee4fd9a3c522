"use client";

import { LogOut, MonitorSmartphone, UserCog, UserRound } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { toast } from "@/components/ui/toaster";
import { signOutEverywhere } from "@/lib/actions/accounts";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ email, role }: { email: string; role: string }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account: ${email}`}>
          <UserRound aria-hidden />
          <span className="hidden sm:inline">{email}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          {email}
          <span className="block text-xs font-normal text-muted-foreground capitalize">{role}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserCog aria-hidden /> Your account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={async () => {
            const result = await signOutEverywhere({});
            if (!result.ok) {
              toast.error(result.error.message);
              return;
            }
            await signOut({ callbackUrl: "/sign-in?reason=ended" });
          }}
        >
          <MonitorSmartphone aria-hidden /> Sign out everywhere
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
