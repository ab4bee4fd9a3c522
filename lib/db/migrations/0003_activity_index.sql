CREATE TABLE "activity_entries" (
	"live_event_id" text NOT NULL,
	"role" text NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"state" text NOT NULL,
	"entered_at" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"exited_at" timestamp with time zone,
	"duration_ms" bigint,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_entries_live_event_id_role_session_id_pk" PRIMARY KEY("live_event_id","role","session_id"),
	CONSTRAINT "activity_entries_role_check" CHECK ("activity_entries"."role" in ('host', 'participant'))
);
--> statement-breakpoint
CREATE TABLE "activity_events" (
	"live_event_id" text PRIMARY KEY NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"final" boolean DEFAULT false NOT NULL,
	"crawled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_sync" (
	"id" text PRIMARY KEY NOT NULL,
	"pass_started_at" timestamp with time zone,
	"window_start" timestamp with time zone,
	"cursor" timestamp with time zone,
	"events_seen" integer DEFAULT 0 NOT NULL,
	"events_crawled" integer DEFAULT 0 NOT NULL,
	"entries_recorded" integer DEFAULT 0 NOT NULL,
	"instance" text DEFAULT '' NOT NULL,
	"heartbeat_at" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_events_seen" integer DEFAULT 0 NOT NULL,
	"last_events_crawled" integer DEFAULT 0 NOT NULL,
	"last_entries_recorded" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "activity_entries_user" ON "activity_entries" USING btree ("user_id","entered_at");--> statement-breakpoint
CREATE INDEX "activity_events_created_at" ON "activity_events" USING btree ("created_at");