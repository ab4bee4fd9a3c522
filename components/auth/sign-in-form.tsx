"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { safeTarget } from "@/lib/auth/targets";

const at = (iso: string) => {
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? "in a few minutes" : `at ${when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}`;
};

/** Turns next-auth's error into words that never reveal whether the e-mail exists. */
function describe(error: string): string {
  const [kind, why, ...rest] = error.split(":");
  if (kind === "throttled") {
    const time = at(rest.join(":"));
    if (why === "account") {
      return `This account has had too many failed sign-ins in the last hour. Try again ${time}, from where you usually sign in, or with single sign-on; an operator can lift this sooner.`;
    }
    return `Too many failed attempts from this address. Try again ${time}.`;
  }
  if (kind === "busy") return "The console is checking many sign-ins right now. Try again in a few seconds.";
  return "That e-mail and password do not match an active account.";
}

export function SignInForm({ callbackUrl, notice, sso }: { callbackUrl: string; notice: string | null; sso: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false });
      if (!result || result.error) {
        setError(describe(result?.error ?? ""));
        return;
      }
      router.replace(safeTarget(callbackUrl));
      router.refresh();
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {notice && !error && (
        <Alert>
          <AlertDescription>{notice}</AlertDescription>
        </Alert>
      )}
      {error && (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <div className="space-y-2">
        <Label htmlFor="email">E-mail</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required maxLength={320} autoFocus />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={500} />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {sso && (
        <>
          <p className="text-center text-xs text-muted-foreground">or</p>
          <Button type="button" variant="outline" className="w-full" onClick={() => void signIn("oidc", { callbackUrl: safeTarget(callbackUrl) })}>
            Sign in with single sign-on
          </Button>
        </>
      )}
    </form>
  );
}
