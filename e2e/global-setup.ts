import { rmSync } from "node:fs";
import { responsesDir } from "./servers";

/** Starts each e2e run with no recorded responses from an earlier one. */
export default function globalSetup(): void {
  rmSync(responsesDir, { recursive: true, force: true });
}
