"use server";

import * as alerts from "@/lib/alerts/actions";
import { defineAction } from "./define";

// Add an alert rule (admins).
export const createAlertRule = defineAction(alerts.createRule);
// Change an alert rule: name, thresholds, channels, reminders, on or off (admins).
export const updateAlertRule = defineAction(alerts.updateRule);
// Delete an alert rule (admins); its open alerts resolve at the next round.
export const deleteAlertRule = defineAction(alerts.deleteRule);
// Add an alert channel (admins); a webhook's signing secret comes back this once.
export const createAlertChannel = defineAction(alerts.createChannel);
// Change an alert channel (admins); secrets left empty are kept.
export const updateAlertChannel = defineAction(alerts.updateChannel);
// Delete an alert channel (admins); rules stop notifying it.
export const deleteAlertChannel = defineAction(alerts.deleteChannel);
// Send a test message to a channel now (admins).
export const testAlertChannel = defineAction(alerts.testChannel);
// Acknowledge an open alert (operators and admins): no more reminders.
export const acknowledgeAlert = defineAction(alerts.acknowledgeAlert);
