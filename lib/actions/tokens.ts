"use server";

import * as tokens from "@/lib/tokens/actions";
import { defineAction } from "./define";

// Generate a secondary API token; its value is in this one answer only (manage-tokens permission).
export const generateToken = defineAction(tokens.generateToken);
// Revoke a secondary token after typing its last four characters; never the console's own (manage-tokens permission).
export const revokeToken = defineAction(tokens.revokeToken);
// Start a rotation: generate a replacement for a token, shown once (manage-tokens permission).
export const startRotation = defineAction(tokens.startRotation);
// Check that the pasted replacement works against Sendbird (manage-tokens permission).
export const checkRotation = defineAction(tokens.checkRotation);
// Revoke the old token of a checked rotation and end it (manage-tokens permission).
export const finishRotation = defineAction(tokens.finishRotation);
// Leave a rotation without revoking anything (manage-tokens permission).
export const abandonRotation = defineAction(tokens.abandonRotation);
