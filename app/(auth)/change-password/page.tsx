import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { AuthCard } from "@/components/auth/auth-card";
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
    <AuthCard
      icon={KeyRound}
      title="Choose a new password"
      description={`${user.email} signed in with a password an admin set. Replace it with one only you know to continue.`}
    >
      <ChangePasswordForm then={then} />
    </AuthCard>
  );
}
