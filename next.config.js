// Security headers for every response; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // .next/standalone: the server with only the files it reads, which the container image runs (scripts/build.ts).
  output: "standalone",
  // Read at start-up from the working directory, which no import names.
  outputFileTracingIncludes: { "/*": ["./lib/db/migrations/**/*"] },
  reactStrictMode: true,
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
