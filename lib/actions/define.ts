import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { requestMeta } from "@/lib/api/request-meta";
import { currentUser } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { sendbird } from "@/lib/sendbird/server";
import { runAction } from "./core";
import type { ActionDefinition, ActionResult } from "./core";

/** Builds a server action from a definition; every mutation of the console goes through here. */
export function defineAction<S extends z.core.$ZodType, T>(def: ActionDefinition<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    return runAction(def, raw, { user: await currentUser(), db: await database(), sendbird: sendbird(), meta: requestMeta(await headers()) });
  };
}
