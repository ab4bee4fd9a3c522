import type { Route } from "../router";
import { apiTokenRoutes } from "./api-tokens";
import { directCallRoutes } from "./direct-calls";
import { liveEventRoutes } from "./live-events";
import { recordingRoutes } from "./recordings";
import { roomRoutes } from "./rooms";
import { userMetadataRoutes } from "./user-metadata";
import { userRoutes } from "./users";

/**
 * Every Platform API route: one file per resource, named as its schemas, client resource and store are.
 * control.ts is the emulator's own control plane; custom-items.ts and chat-params.ts are shared by several.
 * The order is the order paths are matched in.
 */
export const apiRoutes: Route[] = [
  ...liveEventRoutes,
  ...recordingRoutes,
  ...directCallRoutes,
  ...roomRoutes,
  ...userRoutes,
  ...apiTokenRoutes,
  ...userMetadataRoutes,
];
