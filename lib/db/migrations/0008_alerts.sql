CREATE TABLE "alert_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret" text NOT NULL,
	"hint" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	CONSTRAINT "alert_channels_kind" CHECK ("alert_channels"."kind" in ('slack', 'webhook', 'email'))
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid,
	"channel_id" uuid NOT NULL,
	"channel_name" text NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "alert_deliveries_status" CHECK ("alert_deliveries"."status" in ('pending', 'delivered', 'failed')),
	CONSTRAINT "alert_deliveries_event" CHECK ("alert_deliveries"."event" in ('opened', 'reminder', 'resolved', 'test'))
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"params" jsonb NOT NULL,
	"channel_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remind_minutes" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rule_name" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_label" text DEFAULT '' NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"last_notified_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"summary" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_channels_name" ON "alert_channels" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "alert_deliveries_due" ON "alert_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_created" ON "alert_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_rules_name" ON "alert_rules" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_unresolved" ON "alerts" USING btree ("rule_id","subject_type","subject_id") WHERE "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_opened_at" ON "alerts" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "alerts_subject" ON "alerts" USING btree ("subject_type","subject_id");--> statement-breakpoint
INSERT INTO "alert_rules" ("kind", "name", "enabled", "params", "remind_minutes", "updated_by") VALUES
	('host_absent', 'Host off air', true, '{"seconds": 60}'::jsonb, 30, 'first start'),
	('audience_drop', 'Audience crash', true, '{"percent": 50, "minutes": 5, "minAudience": 20}'::jsonb, 30, 'first start'),
	('no_host_streaming', 'Nobody streaming', false, '{"seconds": 120}'::jsonb, 30, 'first start'),
	('call_failures', 'Calls failing', false, '{"percent": 20, "minCalls": 20}'::jsonb, 60, 'first start'),
	('sendbird_failing', 'Sendbird refusing the console', false, '{"minutes": 5}'::jsonb, 30, 'first start'),
	('sync_stalled', 'Activity sync stalled', false, '{"minutes": 30}'::jsonb, 60, 'first start');
