import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { cloudDrift } from "@/db/schema";
import { detectAll } from "@/lib/drift/detect-all";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import { env, } from "@/lib/platform/env";
import { provisioningDepsFromEnv, provisioningRequestedEvent } from "@/lib/provisioning/config";
import { getRequestOrThrow } from "@/lib/provisioning/get-request";
import { refreshDroplet } from "@/lib/provisioning/refresh-inventory";
import { requestDriftRevert } from "@/lib/provisioning/request-drift-revert";
import { setupAppTestDb } from "@/test/app-db";
import { provisionRevertDrift } from "./provision-revert-drift";
import { setupProvisioningFakeDo } from "@/test/provisioning-fake-do";

const getDb = setupAppTestDb();
const fakeDo = setupProvisioningFakeDo({ seed: 23, droplets: 1, actionDurationMs: 50 }, { env: { INNGEST_DEV: "1" } });

// @inngest/test never resolves a step.sleep on its own (inngest-js#801): the sleeps between polls of DO's actions are
// mocked as done, so a poll that finds the action still running sleeps no time and polls again.
const pollSleeps = (...steps: string[]) => steps.flatMap((step) => Array.from({ length: 1000 }, (_, i) => ({ id: `${step}-sleep#${i + 1}`, handler: () => undefined })));

describe("the revert_drift Inngest function", () => {
  it("runs the revert's saga as Inngest steps: DO resizes the droplet, the drift closes reverted", async () => {
    const db = getDb().db;
    const deps = provisioningDepsFromEnv(db, env());
    const droplet = fakeDo().addDroplet({ name: `inngest-${randomUUID().slice(0, 8)}`, region: "syd1", status: "active", sizeSlug: "s-1vcpu-1gb", tags: ["tenant:acme"] });
    const resourceId = (await refreshDroplet(db, deps.doClient(), String(droplet.id)))!;
    await recordProvisioned(db, resourceId, { size_slug: "s-1vcpu-2gb" }, "arcadia-app:user-1");
    await detectAll(db);
    const [drift] = await db.select().from(cloudDrift).where(eq(cloudDrift.resourceId, resourceId));
    const request = await requestDriftRevert(deps, drift!.id, "admin@example.com");
    // DO takes a second over the resize, longer than @inngest/test's replays take to reach the first poll on a busy
    // machine: the saga polls, sleeps and polls again.
    fakeDo().faults.set(`/v2/droplets/${droplet.id}/actions`, { type: "slow_action", actionType: "resize", durationMs: 1000, method: "POST" });

    const { result } = await new InngestTestEngine({
      function: provisionRevertDrift,
      events: [{ name: provisioningRequestedEvent("revert_drift"), data: { request_id: request.id } }],
      steps: pollSleeps("wait-power-off", "wait-resize", "wait-power-on"),
    }).execute();
    expect(result).toEqual({ requestId: request.id, outcome: "succeeded" });
    expect(fakeDo().account.droplets.find((d) => d.id === droplet.id)?.size_slug).toBe("s-1vcpu-2gb");
    const done = await getRequestOrThrow(db, request.id);
    expect(done.steps.find((s) => s.name === "wait-resize")?.attempts).toBeGreaterThan(1);
    expect(done.steps.at(-1)).toMatchObject({ name: "confirm-revert", status: "succeeded", output: { drift_status: "reverted" } });
    const [closed] = await db.select().from(cloudDrift).where(eq(cloudDrift.id, drift!.id));
    expect(closed).toMatchObject({ status: "reverted", resolvedBy: "admin@example.com" });
  });

  it("is served by /api/inngest, triggered by its request event", async () => {
    const { PUT } = await import("@/app/api/inngest/route");
    const res = await PUT(
      new NextRequest("http://localhost/api/inngest", {
        method: "PUT",
        headers: { "x-inngest-sync-kind": "in_band", "content-type": "application/json" },
        body: JSON.stringify({ url: "http://localhost/api/inngest" }),
      }),
      undefined as never,
    );
    const body = (await res.json()) as { functions: { id: string; triggers: { event?: string }[] }[] };
    expect(body.functions.find((f) => f.id === "arcadia-cloud-provision-revert-drift")?.triggers).toEqual([{ event: provisioningRequestedEvent("revert_drift") }]);
  });
});
