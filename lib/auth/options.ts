import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { secureCookies } from "./cookies";
import { maxSessionSeconds } from "./limits";
import { sessionSecret } from "./secret";
import { signInWithPassword } from "./sign-in";


const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(500) });

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

let built: NextAuthOptions | undefined;

/** next-auth configuration: credentials against the accounts table, JWT sessions carrying the session version. Built once per process. */
export function authOptions(): NextAuthOptions {
  built ??= buildOptions();
  return built;
}

function buildOptions(): NextAuthOptions {
  const s = settings();
  return {
    secret: sessionSecret(s),
    session: { strategy: "jwt", maxAge: maxSessionSeconds },
    useSecureCookies: secureCookies(s.nextAuthUrl),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = req.headers as Record<string, unknown> | undefined;
          const result = await signInWithPassword(await database(), {
            email: parsed.data.email,
            password: parsed.data.password,
            ip: clientIp(headers),
            userAgent: typeof headers?.["user-agent"] === "string" ? headers["user-agent"] : "",
          });
          if (!result.ok) {
            // next-auth passes an error's message to the sign-in page; it never names the reason for a plain failure.
            if (result.reason === "locked") throw new Error(`locked:${result.until.toISOString()}`);
            return null;
          }
          const a = result.account;
          return { id: a.id, email: a.email, name: a.name || a.email, role: a.role, sv: a.sessionVersion, mustChangePassword: a.mustChangePassword };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "role" in user) {
          const now = Math.floor(Date.now() / 1000);
          return { ...token, sub: user.id, role: user.role, sv: user.sv, signedInAt: now, lastActive: now };
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? "", role: token.role, sv: token.sv } };
      },
    },
  };
}
