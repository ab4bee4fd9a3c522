// A minimal OpenID Connect identity provider for the e2e run: discovery, an authorize page where the tester
// types the e-mail to sign in as, a token endpoint with PKCE, RS256-signed ID tokens, JWKS and userinfo.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage } from "node:http";
import { oidc } from "./servers";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "e2e-key";
const issuer = oidc.issuer;
const codes = new Map<string, { email: string; clientId: string; challenge: string | null; nonce: string | null }>();
const tokens = new Map<string, string>();

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function idToken(claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign("RSA-SHA256", Buffer.from(`${head}.${body}`), privateKey))}`;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", issuer);
  const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
  if (url.pathname === "/.well-known/openid-configuration") {
    return json(200, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      userinfo_endpoint: `${issuer}/userinfo`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
  }
  if (url.pathname === "/jwks") return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }] });
  if (url.pathname === "/authorize" && req.method === "GET") {
    const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");
    return res
      .writeHead(200, { "content-type": "text/html" })
      .end(
        `<!doctype html><title>E2E identity provider</title><form method="post" action="/authorize">${hidden}<label>Identity e-mail <input name="login_email"></label><button>Continue</button></form>`,
      );
  }
  if (url.pathname === "/authorize" && req.method === "POST") {
    const form = await readForm(req);
    const code = randomBytes(16).toString("hex");
    codes.set(code, {
      email: form.get("login_email") ?? "",
      clientId: form.get("client_id") ?? "",
      challenge: form.get("code_challenge"),
      nonce: form.get("nonce"),
    });
    const back = new URL(form.get("redirect_uri") ?? "");
    back.searchParams.set("code", code);
    const state = form.get("state");
    if (state) back.searchParams.set("state", state);
    return res.writeHead(302, { location: back.toString() }).end();
  }
  if (url.pathname === "/token" && req.method === "POST") {
    const form = await readForm(req);
    const grant = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
    const [basicId, basicSecret] = basic.split(":").map(decodeURIComponent);
    const secretOk = (basicId === oidc.clientId && basicSecret === oidc.clientSecret) || form.get("client_secret") === oidc.clientSecret;
    const verifier = form.get("code_verifier") ?? "";
    const pkceOk = !grant?.challenge || createHash("sha256").update(verifier).digest("base64url") === grant.challenge;
    if (!grant || !secretOk || !pkceOk) return json(400, { error: "invalid_grant" });
    const access = randomBytes(16).toString("hex");
    tokens.set(access, grant.email);
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: issuer,
      sub: `idp|${grant.email}`,
      aud: grant.clientId,
      iat: now,
      exp: now + 300,
      email: grant.email,
      email_verified: true,
      name: grant.email,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    };
    return json(200, { access_token: access, token_type: "Bearer", expires_in: 300, id_token: idToken(claims), scope: "openid email profile" });
  }
  if (url.pathname === "/userinfo") {
    const email = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    return email ? json(200, { sub: `idp|${email}`, email, email_verified: true }) : json(401, { error: "invalid_token" });
  }
  res.writeHead(404).end();
}).listen(oidc.port, "127.0.0.1");
