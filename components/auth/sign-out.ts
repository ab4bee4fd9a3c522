"use client";

/**
 * Ends this browser's session as next-auth's own client does (its CSRF token, then a POST to its sign-out
 * route), without shipping that client to every console page, then leaves for `callbackUrl`.
 */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  let target = callbackUrl;
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    target = ((await response.json()) as { url?: string }).url ?? callbackUrl;
  } catch {
    // The sign-in page reads the session again; an unreachable console is the page's to explain.
  }
  window.location.href = target;
}
