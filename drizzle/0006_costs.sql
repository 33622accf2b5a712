CREATE TABLE "cloud_balance_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cloud_balance_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"month_to_date_balance_cents" bigint NOT NULL,
	"month_to_date_usage_cents" bigint NOT NULL,
	"account_balance_cents" bigint NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cloud_cost_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cloud_cost_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"invoice_id" uuid NOT NULL,
	"period" date NOT NULL,
	"line_no" integer NOT NULL,
	"product" text NOT NULL,
	"group_description" text,
	"description" text NOT NULL,
	"hours" numeric,
	"start_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"amount_cents" bigint NOT NULL,
	"project_name" text,
	"category" text,
	"line_type" text NOT NULL,
	"kind" text,
	"name" text,
	"size_label" text,
	"is_backup" boolean DEFAULT false NOT NULL,
	"do_resource_id" text,
	"do_resource_uuid" text,
	"resource_id" uuid,
	"match_method" text DEFAULT 'none' NOT NULL,
	CONSTRAINT "cloud_cost_lines_line_type_check" CHECK ("cloud_cost_lines"."line_type" in ('resource', 'tax', 'credit', 'other')),
	CONSTRAINT "cloud_cost_lines_match_method_check" CHECK ("cloud_cost_lines"."match_method" in ('id', 'name', 'none'))
);
--> statement-breakpoint
CREATE TABLE "cloud_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_uuid" text NOT NULL,
	"invoice_id" text,
	"period" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"issued_at" timestamp with time zone,
	"description" text,
	"status" text DEFAULT 'discovered' NOT NULL,
	"error" text,
	"line_count" integer DEFAULT 0 NOT NULL,
	"lines_total_cents" bigint,
	"resource_line_count" integer DEFAULT 0 NOT NULL,
	"matched_by_id_count" integer DEFAULT 0 NOT NULL,
	"matched_by_name_count" integer DEFAULT 0 NOT NULL,
	"csv_sha256" text,
	"ingested_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"discovered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cloud_invoices_status_check" CHECK ("cloud_invoices"."status" in ('discovered', 'ingesting', 'ingested', 'failed')),
	CONSTRAINT "cloud_invoices_period_first_day" CHECK (extract(day from "cloud_invoices"."period") = 1)
);
--> statement-breakpoint
ALTER TABLE "cloud_cost_lines" ADD CONSTRAINT "cloud_cost_lines_invoice_id_cloud_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."cloud_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloud_cost_lines" ADD CONSTRAINT "cloud_cost_lines_resource_id_cloud_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."cloud_resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cloud_balance_snapshots_taken_at_idx" ON "cloud_balance_snapshots" USING btree ("taken_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_cost_lines_invoice_line_key" ON "cloud_cost_lines" USING btree ("invoice_id","line_no");--> statement-breakpoint
CREATE INDEX "cloud_cost_lines_period_id_idx" ON "cloud_cost_lines" USING btree ("period","id");--> statement-breakpoint
CREATE INDEX "cloud_cost_lines_period_kind_id_idx" ON "cloud_cost_lines" USING btree ("period","kind","id");--> statement-breakpoint
CREATE INDEX "cloud_cost_lines_resource_idx" ON "cloud_cost_lines" USING btree ("resource_id") WHERE "cloud_cost_lines"."resource_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_invoices_invoice_uuid_key" ON "cloud_invoices" USING btree ("invoice_uuid");--> statement-breakpoint
CREATE INDEX "cloud_invoices_period_idx" ON "cloud_invoices" USING btree ("period");