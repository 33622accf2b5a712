ALTER TABLE "job_runs" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cloud_sync_runs" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "job_runs_running_heartbeat_idx" ON "job_runs" USING btree ("heartbeat_at") WHERE "job_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "cloud_sync_runs_running_heartbeat_idx" ON "cloud_sync_runs" USING btree ("heartbeat_at") WHERE "cloud_sync_runs"."status" = 'running';--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_status" CHECK ("job_runs"."status" in ('running', 'succeeded', 'failed', 'abandoned'));--> statement-breakpoint
ALTER TABLE "cloud_sync_runs" ADD CONSTRAINT "cloud_sync_runs_status" CHECK ("cloud_sync_runs"."status" in ('running', 'succeeded', 'failed', 'abandoned'));