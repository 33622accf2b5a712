DROP INDEX "fx_rates_pair_from_key";--> statement-breakpoint
ALTER TABLE "fx_rates" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD COLUMN "fetched_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "fx_rates_pair_from_source_key" ON "fx_rates" USING btree ("base","quote","effective_from","source");--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_source" CHECK ("fx_rates"."source" in ('manual', 'ecb'));