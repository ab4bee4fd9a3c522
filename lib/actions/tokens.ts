"use server";

import {
  abandonRotationAction,
  checkRotationAction,
  finishRotationAction,
  generateTokenAction,
  revokeTokenAction,
  startRotationAction,
} from "@/lib/tokens/definitions";
import { defineAction } from "./define";

// Generate a secondary API token; its value is in this one answer only (manage-tokens permission).
export const generateToken = defineAction(generateTokenAction);
// Revoke a secondary token after typing its last four characters; never the console's own (manage-tokens permission).
export const revokeToken = defineAction(revokeTokenAction);
// Start a rotation: generate a replacement for a token, shown once (manage-tokens permission).
export const startRotation = defineAction(startRotationAction);
// Check that the pasted replacement works against Sendbird (manage-tokens permission).
export const checkRotation = defineAction(checkRotationAction);
// Revoke the old token of a checked rotation and end it (manage-tokens permission).
export const finishRotation = defineAction(finishRotationAction);
// Leave a rotation without revoking anything (manage-tokens permission).
export const abandonRotation = defineAction(abandonRotationAction);
