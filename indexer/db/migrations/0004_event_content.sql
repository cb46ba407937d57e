CREATE TABLE "event_content" (
	"contract" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"content" jsonb NOT NULL,
	"image_base64" text,
	"image_type" text,
	"signer" text NOT NULL,
	"signature" text NOT NULL,
	"content_hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
