"use server";

import { createViewAction, deleteViewAction } from "@/lib/saved-views";
import { defineAction } from "./define";

// Save a list's filters as a named view shared with the team (any role).
export const createSavedView = defineAction(createViewAction);
// Delete a saved view (its author or an admin).
export const deleteSavedView = defineAction(deleteViewAction);
