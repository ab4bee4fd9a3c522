import { pathIdSchema } from "@/lib/path-ids";

/** A direct call's id, as it arrives in a path or an action's input. */
export const callIdSchema = pathIdSchema("call", 100);
/** A room's id, as it arrives in a path. */
export const roomIdSchema = pathIdSchema("room", 100);
