// No "server-only": pure parsing of a return path, holding no secret; the sign-in and password pages and forms use it.
const base = "http://showrunner.invalid";

/** True when `path` read by a browser against this console stays on it, as the same path. */
function staysHere(path: string): boolean {
  // `//host` and `/\host` are another origin to a browser; dot segments can make either out of a path.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return false;
  try {
    const url = new URL(path, base);
    return url.origin === base && `${url.pathname}${url.search}${url.hash}` === path;
  } catch {
    return false;
  }
}

/**
 * Only same-site paths are followed after sign-in or a password change, never another origin. Parsed the
 * way a browser parses it (which drops tabs and newlines, reads `\` as `/` and resolves `.` and `..`), and
 * the parsed path is checked again, so `/.//evil.example` cannot come out as `//evil.example`. Every place
 * that redirects to a requested path calls this, even with a path already checked.
 */
export function safeTarget(value: string | string[] | undefined): string {
  const target = typeof value === "string" ? value : "/";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return "/";
  try {
    const url = new URL(target, base);
    if (url.origin !== base) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    return staysHere(path) ? path : "/";
  } catch {
    return "/";
  }
}
