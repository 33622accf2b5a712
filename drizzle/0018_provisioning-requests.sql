CREATE TABLE "provisioning_idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"body_hash" text NOT NULL,
	"request_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provisioning_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"action" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"resource_id" uuid,
	"provider_id" text,
	"requested_by" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"monthly_cogs_cents" bigint DEFAULT 0 NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"decision" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"error" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "provisioning_requests_status" CHECK ("provisioning_requests"."status" in ('queued', 'awaiting_approval', 'running', 'succeeded', 'failed', 'compensated', 'cancelled')),
	CONSTRAINT "provisioning_requests_action" CHECK ("provisioning_requests"."action" in ('create_droplet', 'resize_droplet', 'delete_droplet')),
	CONSTRAINT "provisioning_requests_params_object" CHECK (jsonb_typeof("provisioning_requests"."params") = 'object'),
	CONSTRAINT "provisioning_requests_decision" CHECK ("provisioning_requests"."decision" is null or "provisioning_requests"."decision" in ('approved', 'rejected')),
	CONSTRAINT "provisioning_requests_decided" CHECK (("provisioning_requests"."decision" is null) = ("provisioning_requests"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "provisioning_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"tenant_id" text NOT NULL,
	"period" date NOT NULL,
	"resource_kind" text NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "provisioning_reservations_status" CHECK ("provisioning_reservations"."status" in ('held', 'consumed', 'released')),
	CONSTRAINT "provisioning_reservations_quantity" CHECK ("provisioning_reservations"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "provisioning_steps" (
	"request_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"output" jsonb,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "provisioning_steps_request_id_name_pk" PRIMARY KEY("request_id","name"),
	CONSTRAINT "provisioning_steps_status" CHECK ("provisioning_steps"."status" in ('running', 'succeeded', 'failed', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "allowed_sizes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "provisioning_idempotency_keys" ADD CONSTRAINT "provisioning_idempotency_keys_request_id_provisioning_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."provisioning_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_requests" ADD CONSTRAINT "provisioning_requests_resource_id_cloud_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."cloud_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_reservations" ADD CONSTRAINT "provisioning_reservations_request_id_provisioning_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."provisioning_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_steps" ADD CONSTRAINT "provisioning_steps_request_id_provisioning_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."provisioning_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provisioning_idempotency_keys_expires_idx" ON "provisioning_idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "provisioning_requests_tenant_created_idx" ON "provisioning_requests" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "provisioning_requests_open_idx" ON "provisioning_requests" USING btree ("status") WHERE status in ('queued', 'awaiting_approval', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "provisioning_reservations_request_kind_key" ON "provisioning_reservations" USING btree ("request_id","resource_kind");--> statement-breakpoint
CREATE INDEX "provisioning_reservations_held_idx" ON "provisioning_reservations" USING btree ("tenant_id","period") WHERE status = 'held';--> statement-breakpoint
-- A published version's allowed sizes are as immutable as its prices: retiring it may change nothing else.
CREATE OR REPLACE FUNCTION catalog_plan_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'plan version % is %: only drafts can be deleted', OLD.version, OLD.status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_immutable';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' AND NEW.status IN ('draft', 'active') THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'active' AND NEW.status = 'retired'
     AND (NEW.id, NEW.plan_id, NEW.version, NEW.base_price_cents, NEW.currency, NEW.billing_interval, NEW.created_by,
          NEW.created_at, NEW.published_by, NEW.published_at, NEW.allowed_sizes)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.plan_id, OLD.version, OLD.base_price_cents, OLD.currency, OLD.billing_interval, OLD.created_by,
          OLD.created_at, OLD.published_by, OLD.published_at, OLD.allowed_sizes) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'plan version % is %: published versions cannot be changed', OLD.version, OLD.status
    USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_immutable';
END $$;
