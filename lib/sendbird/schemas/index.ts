// One file per Sendbird resource, named as in lib/sendbird/resources, lib/emulator/routes and lib/emulator/store; common.ts holds shapes they share.
export * from "./common";
export * from "./live-events";
export * from "./recordings";
export * from "./direct-calls";
export * from "./rooms";
export * from "./users";
export * from "./user-metadata";
export * from "./api-tokens";
