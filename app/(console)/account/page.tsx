import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { SignOutEverywhereButton } from "@/components/accounts/sign-out-everywhere-button";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { permissionLabels, permissionsOf } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

// GET /account — who you are signed in as, what your role allows, your password and your sessions.
export default async function AccountPage() {
  const user = await requirePermission("data.read", "/account");
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Your account"
        description={
          <>
            {user.email}{" "}
            <Badge variant="secondary" className="ml-1 capitalize">
              {user.role}
            </Badge>
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>What your role allows</h2>
          </CardTitle>
          <CardDescription>Roles are set by an admin on the Settings page.</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="list-inside list-disc space-y-1 text-sm">
            {permissionsOf(user.role).map((p) => (
              <li key={p}>{permissionLabels[p]}</li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Password</h2>
          </CardTitle>
          <CardDescription>Changing it signs out your other sessions; this one stays.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm then={null} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Sessions</h2>
          </CardTitle>
          <CardDescription>Lost a laptop or signed in somewhere shared? End every session of this account, on every device.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutEverywhereButton />
        </CardContent>
      </Card>
    </div>
  );
}
