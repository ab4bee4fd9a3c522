// A password sign-in over raw HTTP from a chosen loopback address, as the sign-in form sends it, so one test
// or benchmark can be several clients (e2e/security.spec.ts, scripts/bench/sign-in-flood.ts).
import { request } from "node:http";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(localAddress: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

/** The `name=value` pairs of an answer's Set-Cookie headers, as one Cookie header. */
function cookiesOf(answer: Answer): string {
  return [answer.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * Signs in (CSRF token, then the credentials callback); answers the status, next-auth's error ("" on
 * success) and the cookies to send as the signed-in client.
 */
export async function signInFrom(
  localAddress: string,
  base: string,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<{ status: number; error: string; cookie: string }> {
  const extra: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await send(localAddress, `${base}/api/auth/csrf`, { headers: extra });
  const cookie = cookiesOf(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send(localAddress, `${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }).toString(),
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return { status: answer.status, error: new URL(url).searchParams.get("error") ?? "", cookie: [cookie, cookiesOf(answer)].filter(Boolean).join("; ") };
}
