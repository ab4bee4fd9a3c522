"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";

// Sonner loads with the first toast, so no page pays for it up front.
const SonnerToaster = dynamic(() => import("./sonner-toaster").then((m) => m.SonnerToaster), { ssr: false });

let wanted = false;
const listeners = new Set<() => void>();
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Where toasts appear (once, in the root layout); it renders nothing until the first toast. */
export function Toaster() {
  const on = useSyncExternalStore(
    subscribe,
    () => wanted,
    () => false,
  );
  return on ? <SonnerToaster onReady={markReady} /> : null;
}

function show(kind: "success" | "error", message: string): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void Promise.all([import("sonner"), ready]).then(([{ toast }]) => toast[kind](message));
}

/** A short message in the corner: what a change did, or why it failed. */
export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
};
