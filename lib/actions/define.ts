import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { runAction } from "./core";
import type { ActionDefinition, ActionResult } from "./core";

/** Builds a server action from a definition; every mutation of the console goes through here. */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const h = await headers();
    const meta = {
      requestId: h.get("x-request-id") ?? randomUUID(),
      ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown",
      userAgent: h.get("user-agent") ?? "",
    };
    return runAction(def, raw, { user: await currentUser(), db: await database(), meta });
  };
}
