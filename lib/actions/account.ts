"use server";

import { signOutEverywhereAction } from "@/lib/accounts/definitions";
import { defineAction } from "./define";

// Sign out everywhere: ends every session of the signed-in account, on every device and instance.
export const signOutEverywhere = defineAction(signOutEverywhereAction);
