CREATE TABLE "blocks" (
	"number" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"parent_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"holder" text NOT NULL,
	"gate_id" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"address" text PRIMARY KEY NOT NULL,
	"event_id" numeric(78, 0) NOT NULL,
	"organizer" text NOT NULL,
	"name" text NOT NULL,
	"start_time" numeric(20, 0) NOT NULL,
	"created_block" bigint NOT NULL,
	"created_tx" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"contract" text NOT NULL,
	"gate_id" text NOT NULL,
	"domain" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_cursor" (
	"id" text PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"owner" text NOT NULL,
	"minted_block" bigint NOT NULL,
	"updated_block" bigint NOT NULL,
	"updated_log_index" integer NOT NULL,
	CONSTRAINT "tickets_contract_token_id_pk" PRIMARY KEY("contract","token_id")
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_ticket_uq" ON "check_ins" USING btree ("contract","token_id");--> statement-breakpoint
CREATE INDEX "gate_challenges_expires_idx" ON "gate_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "tickets_owner_idx" ON "tickets" USING btree ("owner");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_block_log_uq" ON "transfers" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "transfers_token_idx" ON "transfers" USING btree ("contract","token_id");