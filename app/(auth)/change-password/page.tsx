import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeTarget } from "@/lib/auth/targets";
import { requireSignedIn } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose a new password" };

// GET /change-password — after signing in with a one-time password; nothing else opens until it is replaced.
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const then = safeTarget(params.callbackUrl);
  const user = await requireSignedIn(`/change-password?callbackUrl=${encodeURIComponent(then)}`);
  if (!user.mustChangePassword) redirect(then);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>
            <h1 className="flex items-center gap-2 text-xl">
              <KeyRound className="size-5" aria-hidden /> Choose a new password
            </h1>
          </CardTitle>
          <CardDescription>
            {user.email} signed in with a password an admin set. Replace it with one only you know to continue.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm then={then} />
        </CardContent>
      </Card>
    </main>
  );
}
