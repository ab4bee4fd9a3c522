CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"through_id" bigint NOT NULL,
	"hash" text NOT NULL,
	"rows" bigint NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "audit_events_target";--> statement-breakpoint
ALTER TABLE "activity_events" ADD COLUMN "signature" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_target_id" ON "audit_events" USING btree ("target_type","target_id","id");