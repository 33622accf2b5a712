CREATE TABLE "budget_threshold_firings" (
	"budget_id" uuid NOT NULL,
	"period" date NOT NULL,
	"threshold_percent" integer NOT NULL,
	"basis" text NOT NULL,
	"budget_cents" bigint NOT NULL,
	"actual_cents" bigint NOT NULL,
	"projected_cents" bigint NOT NULL,
	"event_id" uuid NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_threshold_firings_budget_id_period_threshold_percent_pk" PRIMARY KEY("budget_id","period","threshold_percent"),
	CONSTRAINT "budget_threshold_firings_basis" CHECK ("budget_threshold_firings"."basis" in ('actual', 'projected')),
	CONSTRAINT "budget_threshold_firings_period_first_day" CHECK (extract(day from "budget_threshold_firings"."period") = 1)
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"thresholds" integer[] DEFAULT '{50,80,100}'::integer[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_scope_type" CHECK ("budgets"."scope_type" in ('account', 'project', 'tenant', 'kind')),
	CONSTRAINT "budgets_scope_id" CHECK (("budgets"."scope_type" = 'account') = ("budgets"."scope_id" is null)),
	CONSTRAINT "budgets_amount_positive" CHECK ("budgets"."amount_cents" > 0),
	CONSTRAINT "budgets_currency_usd" CHECK ("budgets"."currency" = 'USD'),
	CONSTRAINT "budgets_thresholds_present" CHECK (cardinality("budgets"."thresholds") between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "budget_threshold_firings" ADD CONSTRAINT "budget_threshold_firings_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budgets_name_idx" ON "budgets" USING btree ("name","id");