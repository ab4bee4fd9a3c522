import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { headers } from "next/headers";
import { z } from "zod";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import type { Settings } from "@/lib/env";
import { requestMeta } from "@/lib/api/request-meta";
import { findForSignIn } from "@/lib/accounts/store";
import { endSession } from "@/lib/auth/store";
import { appendAudit } from "@/lib/audit/store";
import { secureCookies } from "./cookies";
import { maxSessionSeconds } from "./limits";
import { liveSession } from "./live-session";
import { sessionSecret } from "./secret";
import { signInWithOidc } from "./oidc";
import { signInWithPassword } from "./sign-in";
import { safeTarget } from "./targets";

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(500) });

/** next-auth hands `authorize` a plain header record; the request's meta is read the one way everywhere. */
function metaOf(headers: Record<string, unknown> | undefined) {
  return requestMeta(new Headers(Object.entries(headers ?? {}).filter((e): e is [string, string] => typeof e[1] === "string")));
}

/** The OIDC provider from the settings; the role and session version come from the account, not the IdP. */
function oidcProvider(o: NonNullable<Settings["oidc"]>): OAuthConfig<Record<string, unknown>> {
  return {
    id: "oidc",
    name: "Single sign-on",
    type: "oauth",
    wellKnown: `${o.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    idToken: true,
    checks: ["pkce", "state"],
    authorization: { params: { scope: "openid email profile" } },
    profile: (p) => ({
      id: String(p.sub),
      email: typeof p.email === "string" ? p.email : "",
      name: typeof p.name === "string" ? p.name : null,
      role: "support",
      sv: -1,
      mustChangePassword: false,
    }),
  };
}

const sessionEndedMessage = "This session has ended.";

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
          const { ip, userAgent } = metaOf(req.headers as Record<string, unknown> | undefined);
          const result = await signInWithPassword(await database(), { email: parsed.data.email, password: parsed.data.password, ip, userAgent });
          if (!result.ok) {
            // next-auth passes an error's message to the sign-in page; it never names the reason for a plain failure.
            if (result.reason === "throttled") throw new Error(`throttled:${result.why}:${result.until.toISOString()}`);
            return null;
          }
          const a = result.account;
          return { id: a.id, email: a.email, name: a.name || a.email, role: a.role, sv: a.sessionVersion, mustChangePassword: a.mustChangePassword };
        },
      }),
      ...(s.oidc ? [oidcProvider(s.oidc)] : []),
    ],
    logger: {
      // A signed-out session asking next-auth for itself is expected, not an error worth a stack trace.
      error(code, metadata) {
        const message =
          metadata instanceof Error ? metadata.message : typeof metadata === "object" && metadata && "message" in metadata ? String(metadata.message) : "";
        if (code === "JWT_SESSION_ERROR" && message === sessionEndedMessage) return;
        console.error(`[next-auth] ${code}: ${message || "see the details"}`, metadata);
      },
    },
    events: {
      // Signing out ends this session on the server too: a copy of its cookie is refused from now on.
      async signOut({ token }) {
        if (!token?.sub || typeof token.sid !== "string") return;
        const db = await database();
        await endSession(db, { sid: token.sid, accountId: token.sub, expiresAt: new Date(((token.signedInAt ?? 0) + maxSessionSeconds) * 1000) });
        const meta = requestMeta(await headers());
        await appendAudit(db, {
          actorId: token.sub,
          actorEmail: token.email ?? "",
          action: "auth.sign_out",
          targetType: "account",
          targetId: token.email ?? token.sub,
          outcome: "success",
          ...meta,
        });
      },
    },
    callbacks: {
      // After single sign-on: only a path on this console, checked as the sign-in page checks it.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeTarget(path)}`;
      },
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const admitted = await signInWithOidc(await database(), profile ?? {}, requestMeta(await headers()), {
          trustUnverifiedEmail: s.oidc?.trustUnverifiedEmail ?? false,
        });
        return admitted !== null;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc") {
          // The IdP's subject is not ours: the session belongs to the console account with that e-mail.
          const found = await findForSignIn(await database(), user.email ?? "");
          if (!found) throw new Error("The account disappeared during sign-in.");
          const now = Math.floor(Date.now() / 1000);
          return {
            ...token,
            sub: found.id,
            sid: randomUUID(),
            name: found.name || found.email,
            email: found.email,
            role: found.role,
            sv: found.sessionVersion,
            signedInAt: now,
            lastActive: now,
          };
        }
        if (user && "role" in user) {
          const now = Math.floor(Date.now() / 1000);
          return { ...token, sub: user.id, sid: randomUUID(), role: user.role, sv: user.sv, signedInAt: now, lastActive: now };
        }
        // next-auth's session endpoint: a session the console's gate refuses is no session here either (a throw clears the cookie).
        if (!(await liveSession(await database(), token))) throw new Error(sessionEndedMessage);
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? "", role: token.role, sv: token.sv } };
      },
    },
  };
}
