CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"through_id" bigint NOT NULL,
	"hash" text NOT NULL,
	"rows" bigint NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_count_state" (
	"id" text PRIMARY KEY NOT NULL,
	"cursor" timestamp with time zone NOT NULL,
	"counted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_day_counts" (
	"day" text NOT NULL,
	"end_result" text NOT NULL,
	"calls" integer NOT NULL,
	CONSTRAINT "call_day_counts_day_end_result_pk" PRIMARY KEY("day","end_result")
);
--> statement-breakpoint
DROP INDEX "audit_events_target";--> statement-breakpoint
ALTER TABLE "activity_events" ADD COLUMN "signature" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_target_id" ON "audit_events" USING btree ("target_type","target_id","id");