"use server";

import { removeCallItemsAction, updateCallItemsAction } from "@/lib/calls/definitions";
import { defineAction } from "./define";

// Add or change custom items of a direct call (operate permission).
export const updateCallCustomItems = defineAction(updateCallItemsAction);
// Delete chosen custom items of a direct call (operate permission).
export const removeCallCustomItems = defineAction(removeCallItemsAction);
