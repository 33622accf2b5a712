CREATE TABLE "addons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"resource_kind" text NOT NULL,
	"qty" bigint NOT NULL,
	"price_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "addons_code_format" CHECK ("addons"."code" ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
	CONSTRAINT "addons_qty" CHECK ("addons"."qty" > 0),
	CONSTRAINT "addons_price" CHECK ("addons"."price_cents" >= 0),
	CONSTRAINT "addons_currency" CHECK ("addons"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"resource_kind" text NOT NULL,
	"included_qty" bigint NOT NULL,
	"overage_unit" text NOT NULL,
	"overage_price_cents" bigint NOT NULL,
	"hard_cap_qty" bigint,
	CONSTRAINT "plan_items_included" CHECK ("plan_items"."included_qty" >= 0),
	CONSTRAINT "plan_items_overage_price" CHECK ("plan_items"."overage_price_cents" >= 0),
	CONSTRAINT "plan_items_cap" CHECK ("plan_items"."hard_cap_qty" is null or "plan_items"."hard_cap_qty" >= "plan_items"."included_qty")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"base_price_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"billing_interval" text DEFAULT 'month' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "plan_versions_status" CHECK ("plan_versions"."status" in ('draft', 'active', 'retired')),
	CONSTRAINT "plan_versions_interval" CHECK ("plan_versions"."billing_interval" in ('month')),
	CONSTRAINT "plan_versions_price" CHECK ("plan_versions"."base_price_cents" >= 0),
	CONSTRAINT "plan_versions_currency" CHECK ("plan_versions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "plan_versions_version" CHECK ("plan_versions"."version" >= 1),
	CONSTRAINT "plan_versions_published" CHECK (("plan_versions"."status" = 'draft') = ("plan_versions"."published_at" is null)),
	CONSTRAINT "plan_versions_retired" CHECK (("plan_versions"."status" = 'retired') = ("plan_versions"."retired_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_code_format" CHECK ("plans"."code" ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "resource_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_kind" text NOT NULL,
	"unit" text NOT NULL,
	"price_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_prices_period" CHECK ("resource_prices"."effective_to" is null or "resource_prices"."effective_to" > "resource_prices"."effective_from"),
	CONSTRAINT "resource_prices_price" CHECK ("resource_prices"."price_cents" >= 0),
	CONSTRAINT "resource_prices_currency" CHECK ("resource_prices"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "addons_code_key" ON "addons" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_version_kind_key" ON "plan_items" USING btree ("version_id","resource_kind");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_plan_version_key" ON "plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_active_per_plan" ON "plan_versions" USING btree ("plan_id") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_draft_per_plan" ON "plan_versions" USING btree ("plan_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "plans_code_key" ON "plans" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_prices_kind_from_key" ON "resource_prices" USING btree ("resource_kind","effective_from");--> statement-breakpoint
CREATE INDEX "resource_prices_from_idx" ON "resource_prices" USING btree ("effective_from");