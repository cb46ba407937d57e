CREATE TABLE "check_in_conflicts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "check_in_conflicts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"gate_id" text NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"first_gate_id" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_invites" (
	"id" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"contract" text NOT NULL,
	"gate_id" text NOT NULL,
	"zone" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"session_hash" text,
	CONSTRAINT "gate_invites_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "gate_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"contract" text NOT NULL,
	"gate_id" text NOT NULL,
	"zone" integer NOT NULL,
	"role" text NOT NULL,
	"staff" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pass_delegations" (
	"contract" text NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_block" bigint NOT NULL,
	"nonce" text NOT NULL,
	CONSTRAINT "pass_delegations_contract_key_id_pk" PRIMARY KEY("contract","key_id")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "mode" text DEFAULT 'challenge' NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "chain_tx" text;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "chain_submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "chain_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "gate_challenges" ADD COLUMN "purpose" text DEFAULT 'scan' NOT NULL;--> statement-breakpoint
ALTER TABLE "gate_challenges" ADD COLUMN "zone" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_conflicts_uq" ON "check_in_conflicts" USING btree ("contract","token_id","gate_id","admitted_at");--> statement-breakpoint
CREATE INDEX "gate_sessions_contract_idx" ON "gate_sessions" USING btree ("contract");--> statement-breakpoint
CREATE INDEX "pass_delegations_holder_idx" ON "pass_delegations" USING btree ("contract","holder");--> statement-breakpoint
CREATE INDEX "check_ins_unconfirmed_idx" ON "check_ins" USING btree ("contract") WHERE "check_ins"."chain_confirmed" = false;