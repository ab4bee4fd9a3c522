"use client";

import { useEffect } from "react";

/** Something Jump to can open: a page of the console, or an object's page. */
export interface JumpTarget {
  href: string;
  label: string;
  detail: string;
}

const key = "showrunner.recent";
/** How many recently opened objects Jump to remembers in this browser. */
export const recentMax = 8;

/** The objects recently opened in this browser, newest first (none if storage is unavailable or holds something else). */
export function readRecents(): JumpTarget[] {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(key) ?? "[]");
    if (!Array.isArray(raw)) return [];
    return raw
      .filter(
        (t): t is JumpTarget =>
          typeof t === "object" && t !== null && ["href", "label", "detail"].every((k) => typeof (t as Record<string, unknown>)[k] === "string"),
      )
      .filter((t) => t.href.startsWith("/") && !t.href.startsWith("//"))
      .slice(0, recentMax);
  } catch {
    return [];
  }
}

/** Puts `target` first among the recents, once. Nothing secret is kept: an object's path, its name and a line about it. */
export function rememberRecent(target: JumpTarget): void {
  try {
    const recents = [target, ...readRecents().filter((t) => t.href !== target.href)].slice(0, recentMax);
    window.localStorage.setItem(key, JSON.stringify(recents));
  } catch {
    // Storage full or turned off: Jump to simply has no recents.
  }
}

/** Records a detail page as recently opened when it is shown (render nothing). */
export function RememberRecent(target: JumpTarget) {
  const { href, label, detail } = target;
  useEffect(() => rememberRecent({ href, label, detail }), [href, label, detail]);
  return null;
}
