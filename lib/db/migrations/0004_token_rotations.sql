CREATE TABLE "token_rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"old_last4" text NOT NULL,
	"old_created_at" timestamp with time zone NOT NULL,
	"new_last4" text NOT NULL,
	"new_created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" text NOT NULL,
	"checked_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "token_rotations_last4" CHECK (length("token_rotations"."old_last4") <= 4 and length("token_rotations"."new_last4") <= 4),
	CONSTRAINT "token_rotations_outcome" CHECK ("token_rotations"."outcome" is null or "token_rotations"."outcome" in ('done', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "token_uses" (
	"last4" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"how" text NOT NULL,
	CONSTRAINT "token_uses_last4_created_at_pk" PRIMARY KEY("last4","created_at"),
	CONSTRAINT "token_uses_last4" CHECK (length("token_uses"."last4") <= 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "token_rotations_one_open" ON "token_rotations" USING btree ((true)) WHERE "token_rotations"."ended_at" is null;