export * from "./common";
export * from "./live-event";
export * from "./call";
export * from "./room";
export * from "./user";
export * from "./api-token";
