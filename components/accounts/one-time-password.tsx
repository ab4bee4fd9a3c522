"use client";

import { ShownOnce } from "@/components/forms/shown-once";

/** A one-time password, shown once with a copy button; it exists nowhere else in readable form. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <ShownOnce label="One-time password" value={password}>
      Give this one-time password to {email} by a private channel. It will not be shown again; {email} must replace it at first sign-in.
    </ShownOnce>
  );
}
