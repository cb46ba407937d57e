ALTER TABLE "check_in_conflicts" ALTER COLUMN "first_gate_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in_conflicts" ALTER COLUMN "first_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in_conflicts" ADD COLUMN "reason" text DEFAULT 'ALREADY_CHECKED_IN' NOT NULL;--> statement-breakpoint
ALTER TABLE "gate_sessions" ADD COLUMN "first_snapshot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gate_sessions" ADD COLUMN "first_snapshot_block" bigint;