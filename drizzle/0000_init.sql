CREATE TABLE "admins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cloud_resource_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cloud_resource_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"resource_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cloud_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"provider_id" text NOT NULL,
	"name" text NOT NULL,
	"region" text,
	"size_slug" text,
	"status" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"monthly_price_cents" bigint,
	"provider_created_at" timestamp with time zone,
	"attrs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cloud_resource_events" ADD CONSTRAINT "cloud_resource_events_resource_id_cloud_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."cloud_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admins_email_key" ON "admins" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "cloud_resource_events_resource_at_idx" ON "cloud_resource_events" USING btree ("resource_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_resources_kind_provider_id_key" ON "cloud_resources" USING btree ("kind","provider_id");--> statement-breakpoint
CREATE INDEX "cloud_resources_name_id_idx" ON "cloud_resources" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "cloud_resources_kind_name_id_idx" ON "cloud_resources" USING btree ("kind","name","id");--> statement-breakpoint
CREATE INDEX "cloud_resources_lower_name_idx" ON "cloud_resources" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "cloud_resources_tags_idx" ON "cloud_resources" USING gin ("tags");