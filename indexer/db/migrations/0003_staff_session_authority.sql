ALTER TABLE "gate_sessions" ADD COLUMN "authority" text;--> statement-breakpoint
-- Sessions opened before this migration: a wallet's or an invite's, by the staff column.
UPDATE "gate_sessions" SET "authority" = 'wallet' WHERE "staff" ~ '^0x[0-9a-f]{40}$';--> statement-breakpoint
UPDATE "gate_sessions" SET "authority" = 'invite' WHERE "staff" LIKE 'invite:%';
