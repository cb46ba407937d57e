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
CREATE UNIQUE INDEX "onsale_entries_position_uq" ON "onsale_entries" USING btree ("sale_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "onsale_entries_wallet_uq" ON "onsale_entries" USING btree ("sale_id","wallet");--> statement-breakpoint
CREATE INDEX "onsale_entries_waiting_idx" ON "onsale_entries" USING btree ("sale_id","position") WHERE "onsale_entries"."admitted_at" is null;--> statement-breakpoint
CREATE INDEX "onsale_pow_expires_idx" ON "onsale_pow_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "onsale_vouchers_sale_idx" ON "onsale_vouchers" USING btree ("sale_id");