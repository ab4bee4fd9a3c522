/** Only same-site paths are followed after sign-in or a password change, never another origin. */
export function safeTarget(value: string | string[] | undefined): string {
  const target = typeof value === "string" ? value : "/";
  return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
}
