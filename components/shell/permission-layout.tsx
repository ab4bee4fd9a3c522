import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type * as React from "react";
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { settled } from "@/lib/errors";
import { idFromParam, visitHeader } from "@/lib/paths";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";

/**
 * The layout of a page only some roles may open: it checks the permission before the page's skeleton streams,
 * so a refusal answers 403 (once a loading skeleton has been sent, the status is already 200). The page
 * checks again itself.
 */
export function permissionLayout(permission: Permission, path: string) {
  return async function PermissionLayout({ children }: { children: React.ReactNode }) {
    await requirePermission(permission, path);
    return children;
  };
}

/** One kind of object with a page of its own: how its id is read from the address and how it is named. */
export interface DetailRoute<T> {
  /** The dynamic segment's name, e.g. "liveEventId". */
  param: string;
  schema: { safeParse(value: unknown): { success: true; data: string } | { success: false } };
  path: (id: string) => string;
  /** The list the object belongs to, where a bad id's sign-in returns to. */
  list: string;
  /** What the object is, as the browser title's middle part ("Live event"). */
  noun: string;
  /** The page's first read, shared with the page (React's per-request cache). */
  read: (id: string) => Promise<T>;
  /** The object's own name for the browser title. */
  name: (value: T) => string;
}

type Params = { params: Promise<Record<string, string | string[] | undefined>> };

/** Whether this request is the client router prefetching a link, not a visit (which proxy.ts marks). */
async function prefetching(): Promise<boolean> {
  return !(await headers()).has(visitHeader);
}

/**
 * The layout of a detail page (above its skeleton) and its browser title. The layout answers 403 to a role
 * without the read permission and 404 to an id Sendbird does not know, before the skeleton streams; any other
 * failure is left to the page, which explains it with a retry. The title names the object ("Morning yoga
 * (EU) · Live event · Showrunner"), so open tabs can be told apart.
 */
export function detailRoute<T>(route: DetailRoute<T>) {
  async function idOf(params: Params["params"]): Promise<string | null> {
    const raw = (await params)[route.param];
    const parsed = route.schema.safeParse(typeof raw === "string" ? idFromParam(raw) : "");
    return parsed.success ? parsed.data : null;
  }
  async function DetailLayout({ children, params }: Params & { children: React.ReactNode }) {
    const id = await idOf(params);
    await requirePermission("data.read", id === null ? route.list : route.path(id));
    // A prefetch (a link scrolled into view) wants only the skeleton: reading the object then would cost
    // a Sendbird read for every link on a list, and for a user an audited view nobody made. The
    // navigation itself renders this layout again and checks.
    if (id !== null && !(await prefetching())) {
      const read = await settled(route.read(id));
      if (!read.ok && read.error instanceof SendbirdNotFoundError) notFound();
    }
    return children;
  }
  async function generateMetadata({ params }: Params): Promise<Metadata> {
    const id = await idOf(params);
    if (id === null || (await prefetching())) return { title: route.noun };
    await requirePermission("data.read", route.path(id));
    const read = await settled(route.read(id));
    return { title: read.ok ? `${route.name(read.value)} · ${route.noun}` : route.noun };
  }
  return { DetailLayout, generateMetadata };
}
