"use server";

import * as savedViews from "@/lib/saved-views/actions";
import { defineAction } from "./define";

// Save a list's filters as a named view shared with the team (any role).
export const createSavedView = defineAction(savedViews.createSavedView);
// Delete a saved view (its author or an admin).
export const deleteSavedView = defineAction(savedViews.deleteSavedView);
