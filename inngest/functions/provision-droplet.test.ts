import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { env, } from "@/lib/platform/env";
import { provisioningDepsFromEnv, provisioningRequestedEvent, requestTag } from "@/lib/provisioning/config";
import { createProvisioningRequest } from "@/lib/provisioning/create-request";
import { getRequestOrThrow } from "@/lib/provisioning/get-request";
import { setupAppTestDb } from "@/test/app-db";
import { subscribeTenant } from "@/test/provisioning-factories";
import { provisionCreateDroplet } from "./provision-create-droplet";
import { servedInngestFunctions } from "@/test/served-inngest-functions";
import { setupProvisioningFakeDo } from "@/test/provisioning-fake-do";

const getDb = setupAppTestDb();
const fakeDo = setupProvisioningFakeDo({ seed: 15, droplets: 2, actionDurationMs: 300 }, { env: { INNGEST_DEV: "1" } });

// @inngest/test never resolves a step.sleep on its own (inngest-js#801): each of the saga's sleeps between polls of
// DO's action is mocked as done, so a poll that finds the action still running sleeps no time and polls again.
const pollSleeps = (step: string) => Array.from({ length: 200 }, (_, i) => ({ id: `${step}-sleep#${i + 1}`, handler: () => undefined }));

describe("the provisioning Inngest functions", () => {
  it("run the saga's steps as Inngest steps: one droplet, the request succeeded, its steps stored", async () => {
    const { tenantId } = await subscribeTenant(getDb().db);
    const { item } = await createProvisioningRequest(provisioningDepsFromEnv(getDb().db, env()), {
      body: { tenant_id: tenantId, action: "create_droplet", params: { name: `tenant-${tenantId}-inngest`, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } },
      idempotencyKey: randomUUID(),
      requestedBy: "arcadia-app:user-1",
    });
    const { result } = await new InngestTestEngine({
      function: provisionCreateDroplet,
      events: [{ name: provisioningRequestedEvent("create_droplet"), data: { request_id: item.id } }],
      steps: pollSleeps("wait-create"),
    }).execute();
    expect(result).toEqual({ requestId: item.id, outcome: "succeeded" });
    expect(fakeDo().account.droplets.filter((d) => d.tags.includes(requestTag(item.id)))).toHaveLength(1);
    const done = await getRequestOrThrow(getDb().db, item.id);
    expect(done.status).toBe("succeeded");
    // DO took 300 ms over the create: the saga polled, slept and polled again.
    expect(done.steps.find((s) => s.name === "wait-create")?.attempts).toBeGreaterThan(1);
    expect(done.steps.map((s) => s.name)).toEqual([
      "reserve",
      "approval",
      "create-volume",
      "create-droplet",
      "wait-create",
      "tag",
      "assign-project",
      "refresh-inventory",
      "refresh-volume",
      "record-provisioned",
      "meter-usage",
    ]);
  });

  it("fail a step for good, without Inngest's retries, when DO's action errored", async () => {
    const { tenantId } = await subscribeTenant(getDb().db);
    const { item } = await createProvisioningRequest(provisioningDepsFromEnv(getDb().db, env()), {
      body: { tenant_id: tenantId, action: "create_droplet", params: { name: `tenant-${tenantId}-inngest`, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } },
      idempotencyKey: randomUUID(),
      requestedBy: "arcadia-app:user-1",
    });
    fakeDo().faults.set("/v2/droplets", { type: "errored_action", method: "POST" });
    // @inngest/test stops at a failed step; Inngest itself throws the step's error back into the function, where the
    // saga compensates exactly as the in-process runs in lib/provisioning/run-saga.test.ts show.
    const { error } = await new InngestTestEngine({
      function: provisionCreateDroplet,
      events: [{ name: provisioningRequestedEvent("create_droplet"), data: { request_id: item.id } }],
      steps: pollSleeps("wait-create"),
    }).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringMatching(/create action \d+ errored/) });
    const steps = (await getRequestOrThrow(getDb().db, item.id)).steps;
    expect(steps.find((s) => s.name === "wait-create")).toMatchObject({ status: "failed", error: expect.stringMatching(/errored/) });
  });

  it("are served by /api/inngest, one per action, triggered by their request events", async () => {
    const body = { functions: await servedInngestFunctions() };
    for (const action of ["create_droplet", "resize_droplet", "delete_droplet"] as const) {
      const fn = body.functions.find((f) => f.id === `arcadia-cloud-provision-${action.replace("_", "-")}`);
      expect(fn?.triggers, action).toEqual([{ event: provisioningRequestedEvent(action) }]);
    }
  });
});
