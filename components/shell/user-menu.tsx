"use client";

import { LogOut, MonitorSmartphone, UserCog, UserRound } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { signOut } from "@/components/auth/sign-out";
import { useAction } from "@/components/forms/use-action";
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
import { Spinner } from "@/components/ui/spinner";

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ email, role }: { email: string; role: string }) {
  const everywhere = useAction(signOutEverywhere);
  useEffect(() => {
    if (everywhere.error) toast.error(everywhere.error.message);
  }, [everywhere.error]);
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
          disabled={everywhere.pending}
          aria-busy={everywhere.pending || undefined}
          onSelect={(event) => {
            // The menu stays open, showing the work under way, until the browser leaves for the sign-in page.
            event.preventDefault();
            everywhere.run({}, () => signOut({ callbackUrl: "/sign-in?reason=ended" }));
          }}
        >
          {everywhere.pending ? (
            <>
              <Spinner /> Signing out…
            </>
          ) : (
            <>
              <MonitorSmartphone aria-hidden /> Sign out everywhere
            </>
          )}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
