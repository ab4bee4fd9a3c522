"use server";

import * as calls from "@/lib/calls/actions";
import { defineAction } from "./define";

// Add or change custom items of a direct call (operate permission).
export const updateCallCustomItems = defineAction(calls.updateCallCustomItems);
// Delete chosen custom items of a direct call (operate permission).
export const removeCallCustomItems = defineAction(calls.removeCallCustomItems);
