// The console's HTTP server, started by `npm start`: Next's request handler behind one step that decides who
// the client is (lib/net/forwarded.ts), since `next start` believes any X-Forwarded-For a client sends.
import { createServer } from "node:http";
import next from "next";
import { secureCookies } from "@/lib/auth/cookies";
import { SettingsError, parseSettings } from "@/lib/env";
import { parseTrustedProxies, settleForwardedHeaders } from "@/lib/net/forwarded";
import { loadSettingsFiles } from "./lib/env-files";

function load() {
  try {
    return parseSettings(process.env);
  } catch (err) {
    if (err instanceof SettingsError) {
      console.error(`showrunner: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

// The same files Next reads for the server, read before the settings the server step itself needs.
loadSettingsFiles();
const settings = load();
const proxies = parseTrustedProxies(settings.trustedProxies);
const secure = secureCookies(settings.nextAuthUrl);
const insecureBehindHttps =
  `This console is reached over HTTPS, but NEXTAUTH_URL is ${settings.nextAuthUrl}, so its session cookies would not be Secure. ` +
  "Set NEXTAUTH_URL to the https:// address people open, and restart.";
let warned = false;

const app = next({ dev: false, dir: process.cwd(), port: settings.port, customServer: true });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const origin = settleForwardedHeaders(request, proxies);
  if (origin.https && !secure) {
    // Serving on would hand out session cookies a network observer could read: refuse, and say what to change.
    if (!warned) console.error(`showrunner: ${insecureBehindHttps}`);
    warned = true;
    response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(insecureBehindHttps);
    return;
  }
  void handle(request, response);
});
server.listen(settings.port);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Answers in flight get two seconds; a kept-alive idle connection does not hold the exit up.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
