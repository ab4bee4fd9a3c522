// The emulator's defaults that the console's settings need too; a module of its own, so settings do not load the emulator.

/** The documented default master token of the emulator (override with `EMULATOR_MASTER_TOKEN`). */
export const defaultMasterToken = "emulator-master-token-0000000000000000000";
