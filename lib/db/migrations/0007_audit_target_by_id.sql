DROP INDEX "audit_events_target";--> statement-breakpoint
CREATE INDEX "audit_events_target_id" ON "audit_events" USING btree ("target_type","target_id","id");