"use server";

import { deleteRoomAction, removeCallItemsAction, removeRoomItemsAction, updateCallItemsAction, updateRoomItemsAction } from "@/lib/calls/definitions";
import { defineAction } from "./define";

// Add or change custom items of a direct call (operate permission).
export const updateCallCustomItems = defineAction(updateCallItemsAction);
// Delete chosen custom items of a direct call (operate permission).
export const removeCallCustomItems = defineAction(removeCallItemsAction);
// Add or change custom items of a group-call room (operate permission).
export const updateRoomCustomItems = defineAction(updateRoomItemsAction);
// Delete chosen custom items of a group-call room (operate permission).
export const removeRoomCustomItems = defineAction(removeRoomItemsAction);
// Delete a group-call room after typed confirmation of its id (operate permission).
export const deleteRoom = defineAction(deleteRoomAction);
