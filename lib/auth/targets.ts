// No "server-only": pure parsing of a return path, holding no secret; the sign-in and password pages use it.
/**
 * Only same-site paths are followed after sign-in or a password change, never another origin. Parsed the
 * way a browser parses it (which drops tabs and newlines, and reads `\` as `/`), so `/\t/evil.example`
 * cannot slip through as a path.
 */
export function safeTarget(value: string | string[] | undefined): string {
  const target = typeof value === "string" ? value : "/";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return "/";
  const base = "http://showrunner.invalid";
  try {
    const url = new URL(target, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
