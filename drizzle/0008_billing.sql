CREATE TABLE "fx_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"rate" numeric(18, 8) NOT NULL,
	"effective_from" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_currencies" CHECK ("fx_rates"."base" ~ '^[A-Z]{3}$' and "fx_rates"."quote" ~ '^[A-Z]{3}$' and "fx_rates"."base" <> "fx_rates"."quote"),
	CONSTRAINT "fx_rates_rate" CHECK ("fx_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "subscription_addons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" text NOT NULL,
	"addon_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "subscription_addons_quantity" CHECK ("subscription_addons"."quantity" > 0),
	CONSTRAINT "subscription_addons_period" CHECK ("subscription_addons"."ended_at" is null or "subscription_addons"."ended_at" >= "subscription_addons"."started_at")
);
--> statement-breakpoint
CREATE TABLE "subscription_migrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" text NOT NULL,
	"from_version_id" uuid NOT NULL,
	"to_version_id" uuid NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"migrated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_migrations_versions" CHECK ("subscription_migrations"."from_version_id" <> "subscription_migrations"."to_version_id")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_status" CHECK ("subscriptions"."status" in ('active', 'trialing', 'canceled')),
	CONSTRAINT "subscriptions_period" CHECK ("subscriptions"."ended_at" is null or "subscriptions"."ended_at" >= "subscriptions"."started_at")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_id_format" CHECK ("tenants"."id" ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$')
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"client_key" text NOT NULL,
	"tenant_id" text NOT NULL,
	"resource_kind" text NOT NULL,
	"period" date NOT NULL,
	"quantity" numeric(24, 6) NOT NULL,
	"source" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_records_source" CHECK ("usage_records"."source" in ('meter', 'api')),
	CONSTRAINT "usage_records_quantity" CHECK ("usage_records"."quantity" >= 0),
	CONSTRAINT "usage_records_period_first_day" CHECK (extract(day from "usage_records"."period") = 1)
);
--> statement-breakpoint
ALTER TABLE "subscription_addons" ADD CONSTRAINT "subscription_addons_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_addons" ADD CONSTRAINT "subscription_addons_addon_id_addons_id_fk" FOREIGN KEY ("addon_id") REFERENCES "public"."addons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_migrations" ADD CONSTRAINT "subscription_migrations_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_migrations" ADD CONSTRAINT "subscription_migrations_from_version_id_plan_versions_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_migrations" ADD CONSTRAINT "subscription_migrations_to_version_id_plan_versions_id_fk" FOREIGN KEY ("to_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fx_rates_pair_from_key" ON "fx_rates" USING btree ("base","quote","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_addons_key" ON "subscription_addons" USING btree ("subscription_id","addon_id","started_at");--> statement-breakpoint
CREATE INDEX "subscription_migrations_subscription_idx" ON "subscription_migrations" USING btree ("subscription_id","effective_at");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_idx" ON "subscriptions" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "subscriptions_version_idx" ON "subscriptions" USING btree ("plan_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_client_key" ON "usage_records" USING btree ("client_key");--> statement-breakpoint
CREATE INDEX "usage_records_period_tenant_idx" ON "usage_records" USING btree ("period","tenant_id");