import { Clapperboard } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ModeBadge } from "@/components/shell/mode-badge";
import { currentUser } from "@/lib/auth/session";
import { safeTarget } from "@/lib/auth/targets";
import { settings } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  expired: "Your session ended after 30 minutes without activity. Sign in again.",
  ended: "Your session was ended. Sign in again.",
};

/** next-auth's error codes after a single sign-on attempt, in plain words. */
const ssoErrors: Record<string, string> = {
  AccessDenied: "Single sign-on worked, but no active console account has that e-mail. Ask an admin to create one.",
  OAuthSignin: "The identity provider could not be reached. Try again, or sign in with a password.",
  OAuthCallback: "The identity provider's answer could not be checked. Try again.",
  Callback: "The identity provider's answer could not be checked. Try again.",
};

// GET /sign-in — public.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeTarget(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const { mode, appId, demoPassword, oidc } = settings();
  const reason = typeof params.reason === "string" ? params.reason : "";
  const ssoError =
    typeof params.error === "string" && params.error !== "CredentialsSignin" ? (ssoErrors[params.error] ?? "Single sign-on failed. Try again.") : null;
  return (
    <AuthCard icon={Clapperboard} title="Sign in to Showrunner" description={<ModeBadge mode={mode} appId={appId} />}>
      <SignInForm callbackUrl={callbackUrl} notice={ssoError ?? notices[reason] ?? null} sso={oidc !== null} />
      {mode === "emulator" && (
        <p className="text-xs text-muted-foreground">
          Demo accounts: admin@, operator@ and support@showrunner.local, password <span className="font-mono">{demoPassword}</span>.
        </p>
      )}
    </AuthCard>
  );
}
