CREATE TABLE "resource_usage_samples" (
	"resource_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"value" bigint NOT NULL,
	"sampled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_usage_samples_resource_id_metric_day_pk" PRIMARY KEY("resource_id","metric","day"),
	CONSTRAINT "resource_usage_samples_metric" CHECK ("resource_usage_samples"."metric" in ('stored_bytes', 'public_outbound_bytes')),
	CONSTRAINT "resource_usage_samples_value" CHECK ("resource_usage_samples"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "resource_usage_samples" ADD CONSTRAINT "resource_usage_samples_resource_id_cloud_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."cloud_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_usage_samples_metric_day_idx" ON "resource_usage_samples" USING btree ("metric","day");