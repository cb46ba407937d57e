CREATE TABLE "blocks" (
	"number" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"parent_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_configs" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"channel" integer NOT NULL,
	"quota" integer NOT NULL,
	"mode" integer NOT NULL,
	"name" text NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_activity" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"name" text NOT NULL,
	"args" jsonb NOT NULL,
	"tx_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"address" text PRIMARY KEY NOT NULL,
	"event_id" numeric(78, 0) NOT NULL,
	"organizer" text NOT NULL,
	"name" text NOT NULL,
	"start_time" numeric(20, 0) NOT NULL,
	"created_block" bigint NOT NULL,
	"created_tx" text NOT NULL,
	"end_time" numeric(20, 0),
	"lock_window" integer,
	"max_per_wallet" integer,
	"max_per_identity" integer,
	"royalty_bps" integer,
	"tier_count" integer,
	"currency" text,
	"currency_symbol" text,
	"currency_decimals" integer,
	"cancelled_at" numeric(20, 0),
	"cancelled_block" bigint
);
--> statement-breakpoint
CREATE TABLE "identity_deadlines" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"tier" integer NOT NULL,
	"seconds_before_start" integer NOT NULL,
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
	"tier" integer,
	"paid" boolean DEFAULT false NOT NULL,
	"identity_commitment" text,
	"checked_in_block" bigint,
	"checked_in_gate" text,
	"checked_in_tx" text,
	"refunded_block" bigint,
	"channel" integer DEFAULT 0 NOT NULL,
	"bound_block" bigint,
	CONSTRAINT "tickets_contract_token_id_pk" PRIMARY KEY("contract","token_id")
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
	"reserved" boolean DEFAULT false NOT NULL,
	"block_number" bigint NOT NULL,
	CONSTRAINT "tiers_contract_tier_pk" PRIMARY KEY("contract","tier")
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"tx_hash" text NOT NULL,
	"kind" text DEFAULT 'transfer' NOT NULL,
	"price" numeric(78, 0)
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
CREATE TABLE "check_ins" (
	"contract" text NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"holder" text NOT NULL,
	"gate_id" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"mode" text DEFAULT 'challenge' NOT NULL,
	"chain_tx" text,
	"chain_submitted_at" timestamp with time zone,
	"chain_confirmed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"purpose" text DEFAULT 'scan' NOT NULL,
	"contract" text NOT NULL,
	"gate_id" text NOT NULL,
	"zone" integer DEFAULT 0 NOT NULL,
	"domain" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
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
	"device_public_key" text,
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
CREATE TABLE "onsale_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "onsale_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sale_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"position" integer,
	"early" boolean NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"ip_hash" text NOT NULL,
	"admitted_at" timestamp with time zone,
	"held_quantity" integer DEFAULT 0 NOT NULL,
	"siwe_nonce" text,
	"siwe_nonce_expires_at" timestamp with time zone,
	"wallet" text,
	"signed_in_at" timestamp with time zone,
	"voucher_nonce" text,
	CONSTRAINT "onsale_entries_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "onsale_pow_challenges" (
	"challenge" text PRIMARY KEY NOT NULL,
	"sale_id" text NOT NULL,
	"bits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "onsale_quotas" (
	"sale_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"used" integer NOT NULL,
	"first_wallet" text NOT NULL,
	CONSTRAINT "onsale_quotas_sale_id_kind_key_pk" PRIMARY KEY("sale_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "onsale_sales" (
	"id" text PRIMARY KEY NOT NULL,
	"contract" text NOT NULL,
	"tier" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"admit_per_second" double precision NOT NULL,
	"lottery" boolean DEFAULT true NOT NULL,
	"pow_bits" integer DEFAULT 0 NOT NULL,
	"max_per_identity" integer NOT NULL,
	"identity_required" boolean DEFAULT false NOT NULL,
	"ip_joins_per_minute" integer DEFAULT 0 NOT NULL,
	"wallet_requests_per_minute" integer DEFAULT 0 NOT NULL,
	"admission_ttl_seconds" integer NOT NULL,
	"voucher_ttl_seconds" integer NOT NULL,
	"supply" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"drawn_at" timestamp with time zone,
	"next_position" integer DEFAULT 1 NOT NULL,
	"admitted_through" integer DEFAULT 0 NOT NULL,
	"last_admit_at" timestamp with time zone,
	"admit_carry" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsale_vouchers" (
	"nonce" text PRIMARY KEY NOT NULL,
	"sale_id" text NOT NULL,
	"entry_id" bigint NOT NULL,
	"contract" text NOT NULL,
	"wallet" text NOT NULL,
	"tier" integer NOT NULL,
	"quantity" integer NOT NULL,
	"identity_commitment" text NOT NULL,
	"deadline" bigint NOT NULL,
	"signature" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "onsale_vouchers_entry_id_unique" UNIQUE("entry_id")
);
--> statement-breakpoint
CREATE TABLE "seat_holds" (
	"contract" text NOT NULL,
	"seat_index" integer NOT NULL,
	"holder" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seat_holds_contract_seat_index_pk" PRIMARY KEY("contract","seat_index")
);
--> statement-breakpoint
CREATE TABLE "seat_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"wallet" text NOT NULL,
	"contract" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venue_layouts" (
	"contract" text PRIMARY KEY NOT NULL,
	"layout" jsonb NOT NULL,
	"seats" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"tx_hash" text NOT NULL,
	"contract" text NOT NULL,
	"tier" integer NOT NULL,
	"wallet" text NOT NULL,
	"seq" bigint NOT NULL,
	"deposit" numeric(78, 0) NOT NULL,
	"closed_block" bigint,
	"closed_log_index" integer,
	"closed_reason" text,
	"served_token_id" numeric(78, 0),
	"returned_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "channel_configs_block_log_uq" ON "channel_configs" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "channel_configs_contract_idx" ON "channel_configs" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_activity_block_log_uq" ON "contract_activity" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "contract_activity_contract_idx" ON "contract_activity" USING btree ("contract");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_deadlines_block_log_uq" ON "identity_deadlines" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "identity_deadlines_contract_idx" ON "identity_deadlines" USING btree ("contract","tier");--> statement-breakpoint
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
CREATE INDEX "tickets_owner_idx" ON "tickets" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "tickets_updated_block_idx" ON "tickets" USING btree ("updated_block");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_block_log_uq" ON "transfers" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "transfers_token_idx" ON "transfers" USING btree ("contract","token_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_redemptions_block_log_uq" ON "voucher_redemptions" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_conflicts_uq" ON "check_in_conflicts" USING btree ("contract","token_id","gate_id","admitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_ticket_uq" ON "check_ins" USING btree ("contract","token_id");--> statement-breakpoint
CREATE INDEX "check_ins_unconfirmed_idx" ON "check_ins" USING btree ("contract") WHERE "check_ins"."chain_confirmed" = false;--> statement-breakpoint
CREATE INDEX "gate_challenges_expires_idx" ON "gate_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "gate_sessions_contract_idx" ON "gate_sessions" USING btree ("contract");--> statement-breakpoint
CREATE INDEX "pass_delegations_holder_idx" ON "pass_delegations" USING btree ("contract","holder");--> statement-breakpoint
CREATE UNIQUE INDEX "onsale_entries_position_uq" ON "onsale_entries" USING btree ("sale_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "onsale_entries_wallet_uq" ON "onsale_entries" USING btree ("sale_id","wallet");--> statement-breakpoint
CREATE INDEX "onsale_entries_waiting_idx" ON "onsale_entries" USING btree ("sale_id","position") WHERE "onsale_entries"."admitted_at" is null;--> statement-breakpoint
CREATE INDEX "onsale_pow_expires_idx" ON "onsale_pow_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "onsale_vouchers_sale_idx" ON "onsale_vouchers" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "seat_holds_holder_idx" ON "seat_holds" USING btree ("contract","holder");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_block_log_uq" ON "waitlist_entries" USING btree ("block_number","log_index");--> statement-breakpoint
CREATE INDEX "waitlist_entries_queue_idx" ON "waitlist_entries" USING btree ("contract","tier","seq");--> statement-breakpoint
CREATE INDEX "waitlist_entries_wallet_idx" ON "waitlist_entries" USING btree ("wallet");