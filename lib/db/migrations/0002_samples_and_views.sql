CREATE TABLE "participant_samples" (
	"live_event_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"participant_count" integer NOT NULL,
	CONSTRAINT "participant_samples_live_event_id_at_pk" PRIMARY KEY("live_event_id","at")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_page_name" ON "saved_views" USING btree ("page",lower("name"));