CREATE TABLE "subscription_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" text NOT NULL,
	"status" text NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_status_changes_status" CHECK ("subscription_status_changes"."status" in ('active', 'trialing', 'canceled'))
);
--> statement-breakpoint
ALTER TABLE "subscription_status_changes" ADD CONSTRAINT "subscription_status_changes_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_status_changes_subscription_idx" ON "subscription_status_changes" USING btree ("subscription_id","effective_at");--> statement-breakpoint
-- Subscriptions stored before this table start with the status they have now, from their start (as before).
INSERT INTO "subscription_status_changes" ("subscription_id", "status", "effective_at") SELECT "id", "status", "started_at" FROM "subscriptions";
