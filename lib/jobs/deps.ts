import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { createDoClient, type DoClient } from "@/lib/digitalocean/client";
import type { BaseEnv } from "@/lib/platform/env";
import { metrics } from "@/lib/platform/metrics";
import type { JobDeps } from "./job-definition";
import type { SendJobRequest } from "./job-queue";

export class DoNotConfiguredError extends Error {
  constructor() {
    super("DigitalOcean is not configured: set DO_API_TOKEN (and DO_API_URL for a non-default API)");
    this.name = "DoNotConfiguredError";
  }
}

/** The DO client for this process's configuration, counting requests and 429s for /api/metrics. */
export function doClientFromEnv(e: Pick<BaseEnv, "DO_API_TOKEN" | "DO_API_URL">): DoClient {
  if (!e.DO_API_TOKEN) throw new DoNotConfiguredError();
  return createDoClient({
    token: e.DO_API_TOKEN,
    baseUrl: e.DO_API_URL,
    onRequest: (ev) => {
      metrics().doRequests.inc({ status: ev.status === 0 ? "network_error" : String(ev.status) });
      if (ev.status === 429) metrics().doRateLimited.inc();
    },
  });
}

/**
 * Names the DO account the configured token acts for, without revealing the token: the key under which every run that
 * calls DO shares the account's rate budget, whichever function, environment or instance runs it.
 */
export function doAccountKey(e: Pick<BaseEnv, "DO_API_TOKEN" | "DO_API_URL">): string {
  if (!e.DO_API_TOKEN) return "do-account:unconfigured";
  return `do-account:${createHash("sha256").update(`${e.DO_API_URL}\n${e.DO_API_TOKEN}`).digest("hex").slice(0, 16)}`;
}

export function jobDepsFor(db: Db, e: BaseEnv, sendJobRequest?: SendJobRequest): JobDeps {
  let client: DoClient | undefined;
  return {
    db,
    doClient: () => {
      client ??= doClientFromEnv(e);
      return client;
    },
    sendJobRequest,
  };
}
