CREATE TABLE "cloud_drift" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"field" text NOT NULL,
	"expected" jsonb,
	"actual" jsonb,
	"spec_version" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	CONSTRAINT "cloud_drift_status" CHECK ("cloud_drift"."status" in ('open', 'accepted', 'reverted', 'stale')),
	CONSTRAINT "cloud_drift_resolved" CHECK (("cloud_drift"."status" = 'open') = ("cloud_drift"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "cloud_provisioned" (
	"resource_id" uuid PRIMARY KEY NOT NULL,
	"spec" jsonb NOT NULL,
	"spec_version" integer DEFAULT 1 NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cloud_provisioned_spec_object" CHECK (jsonb_typeof("cloud_provisioned"."spec") = 'object'),
	CONSTRAINT "cloud_provisioned_spec_version" CHECK ("cloud_provisioned"."spec_version" >= 1),
	CONSTRAINT "cloud_provisioned_recorded_via" CHECK ("cloud_provisioned"."recorded_via" in ('api', 'drift_accept'))
);
--> statement-breakpoint
ALTER TABLE "cloud_drift" ADD CONSTRAINT "cloud_drift_resource_id_cloud_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."cloud_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloud_provisioned" ADD CONSTRAINT "cloud_provisioned_resource_id_cloud_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."cloud_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_drift_one_open_per_field" ON "cloud_drift" USING btree ("resource_id","field") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "cloud_drift_status_detected_idx" ON "cloud_drift" USING btree ("status","detected_at");--> statement-breakpoint
CREATE INDEX "cloud_drift_resolved_idx" ON "cloud_drift" USING btree ("resolved_at") WHERE status <> 'open';--> statement-breakpoint
CREATE INDEX "cloud_drift_resource_detected_idx" ON "cloud_drift" USING btree ("resource_id","detected_at");