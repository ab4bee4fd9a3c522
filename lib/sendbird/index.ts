import "server-only";

export { createSendbirdClient } from "./client";
export type { SendbirdClient, SendbirdClientOptions } from "./client";
export * from "./errors";
export type { Page, Listing } from "./pages";
