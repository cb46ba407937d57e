CREATE TABLE "contract_activity" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"name" text NOT NULL,
	"args" jsonb NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"seller" text NOT NULL,
	"price" numeric(78, 0) NOT NULL,
	"tx_hash" text NOT NULL,
	"closed_block" bigint,
	"closed_log_index" integer,
	"closed_reason" text
);
--> statement-breakpoint
CREATE TABLE "mints" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"tier" integer NOT NULL,
	"first_token_id" numeric(78, 0) NOT NULL,
	"count" integer NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"buyer" text NOT NULL,
	"first_token_id" numeric(78, 0) NOT NULL,
	"count" integer NOT NULL,
	"paid" numeric(78, 0) NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"holder" text NOT NULL,
	"amount" numeric(78, 0) NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"buyer" text NOT NULL,
	"seller" text NOT NULL,
	"price" numeric(78, 0) NOT NULL,
	"royalty" numeric(78, 0) NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"contract" text NOT NULL,
	"tier" integer NOT NULL,
	"face_value" numeric(78, 0) NOT NULL,
	"supply" integer NOT NULL,
	"zones" integer NOT NULL,
	"mode" integer NOT NULL,
	"resale_cap_bps" integer NOT NULL,
	"voucher_only" boolean NOT NULL,
	"block_number" bigint NOT NULL,
	CONSTRAINT "tiers_contract_tier_pk" PRIMARY KEY("contract","tier")
);
--> statement-breakpoint
CREATE TABLE "voucher_redemptions" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"nonce" text NOT NULL,
	"identity_commitment" text NOT NULL,
	"to" text NOT NULL,
	"first_token_id" numeric(78, 0) NOT NULL,
	"quantity" integer NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "end_time" numeric(20, 0);--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "lock_window" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "max_per_wallet" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "max_per_identity" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "royalty_bps" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "tier_count" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "cancelled_at" numeric(20, 0);--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "cancelled_block" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "tier" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "paid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "identity_commitment" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "checked_in_block" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "checked_in_gate" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "checked_in_tx" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "refunded_block" bigint;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "kind" text DEFAULT 'transfer' NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "price" numeric(78, 0);--> statement-breakpoint
CREATE UNIQUE INDEX "contract_activity_block_log_uq" ON "contract_activity" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "contract_activity_contract_idx" ON "contract_activity" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "listings_block_log_uq" ON "listings" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "listings_token_idx" ON "listings" USING btree ("contract","token_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mints_block_log_uq" ON "mints" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "mints_contract_idx" ON "mints" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_block_log_uq" ON "purchases" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "purchases_contract_idx" ON "purchases" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_block_log_uq" ON "refunds" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "refunds_contract_idx" ON "refunds" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_block_log_uq" ON "sales" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "sales_contract_idx" ON "sales" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_redemptions_block_log_uq" ON "voucher_redemptions" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "tickets_updated_block_idx" ON "tickets" USING btree ("updated_block");