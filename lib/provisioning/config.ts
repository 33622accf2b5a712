import type { Db } from "@/db/client";
import type { ProvisioningAction } from "@/db/schema/provisioning-constants";
import type { DoClient } from "@/lib/digitalocean/client";
import { doClientFromEnv } from "@/lib/jobs/deps";
import type { BaseEnv } from "@/lib/platform/env";

export interface ProvisioningConfig {
  /** PROVISIONING_ENABLED: without it (and without a dry run) nothing reaches DO. */
  isEnabled: boolean;
  /** PROVISIONING_DRY_RUN: every step runs but the DO calls. */
  isDryRun: boolean;
  tagPrefix: string;
  approvalThresholdCents: number;
  projectId: string | undefined;
  pollIntervalMs: number;
  actionTimeoutMs: number;
  /** How long an in-process runner holds a request before another process may take it over. */
  leaseMs: number;
  /** In-process retries of a step that failed in a way worth retrying (a network error, a 5xx). */
  stepRetries: number;
  retryBaseMs: number;
}

/** What the provisioning functions need besides their arguments: built once per process by its composition root. */
export interface ProvisioningDeps {
  db: Db;
  doClient: () => DoClient;
  config: ProvisioningConfig;
  /** The clock (tests fix it); defaults to now. */
  now?: () => Date;
}

export function provisioningConfigFromEnv(e: BaseEnv): ProvisioningConfig {
  return {
    isEnabled: e.PROVISIONING_ENABLED,
    isDryRun: e.PROVISIONING_DRY_RUN,
    tagPrefix: e.TENANT_TAG_PREFIX,
    approvalThresholdCents: e.PROVISIONING_APPROVAL_THRESHOLD_USD,
    projectId: e.PROVISIONING_PROJECT_ID,
    pollIntervalMs: e.PROVISIONING_POLL_INTERVAL_MS,
    actionTimeoutMs: e.PROVISIONING_ACTION_TIMEOUT_SECONDS * 1000,
    leaseMs: 60_000,
    stepRetries: 3,
    retryBaseMs: 1000,
  };
}

/** The tag that marks what one request created at DO, so a retried create finds it instead of creating it twice. */
export function requestTag(requestId: string): string {
  return `arcadia-request:${requestId}`;
}

/** This process's provisioning: its configuration from the environment and the DO client (built on first use). */
export function provisioningDepsFromEnv(db: Db, e: BaseEnv): ProvisioningDeps {
  let client: DoClient | undefined;
  return {
    db,
    doClient: () => {
      client ??= doClientFromEnv(e);
      return client;
    },
    config: provisioningConfigFromEnv(e),
  };
}

/** The event that starts an action's Inngest function: `arcadia/provisioning.create_droplet.requested`. */
export const provisioningRequestedEvent = (action: ProvisioningAction) => `arcadia/provisioning.${action}.requested`;

/** Sent when an admin approves or rejects a request, waking the saga waiting for the decision. */
export const provisioningDecidedEvent = "arcadia/provisioning.decided";
