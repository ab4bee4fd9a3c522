"use client";

import { usePathname } from "next/navigation";

/** The id the address asked for (its last segment, decoded), for a not-found page, which is given no params. */
export function MissingId() {
  const last = usePathname().split("/").pop() ?? "";
  let id = last;
  try {
    id = decodeURIComponent(last);
  } catch {
    // Not valid percent-encoding: shown as typed.
  }
  return <code className="break-all rounded bg-muted px-1 py-0.5 font-mono text-[0.9em]">{id}</code>;
}
