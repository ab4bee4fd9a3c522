import type * as React from "react";
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

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
