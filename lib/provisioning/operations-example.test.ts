import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps, subscribeTenant } from "@/test/provisioning-factories";
import { createProvisioningRequest } from "./create-request";
import { getRequestOrThrow } from "./get-request";
import { exampleProvisioningRequest } from "./operations";
import { runRequestInProcess } from "./run-in-process";

// The API reference's example of a finished create is checked against a create saga really run against the fake DO,
// so it shows the steps the saga records (and skips) and cannot go stale when the saga changes.
let t: TestDb;
let fake: FakeDo;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 21, droplets: 1, actionDurationMs: 40 });
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

describe("the provisioning request example in the API reference", () => {
  it("has the steps, statuses and outputs of a real create_droplet saga", async () => {
    const deps = provisioningDeps(t.db, fake.url, { projectId: fake.account.projects.find((p) => !p.is_default)!.id });
    const { tenantId } = await subscribeTenant(t.db);
    const { item } = await createProvisioningRequest(deps, {
      body: { tenant_id: tenantId, action: "create_droplet", params: { name: `tenant-${tenantId}-web`, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } },
      idempotencyKey: randomUUID(),
      requestedBy: "arcadia-app:user-1",
    });
    expect(await runRequestInProcess(deps, item.id)).toBe("succeeded");
    const done = await getRequestOrThrow(t.db, item.id);

    const shape = (steps: readonly { name: string; status: string; output: unknown; error: unknown }[]) =>
      steps.map((s) => ({ name: s.name, status: s.status, output: Object.keys((s.output ?? {}) as object).sort(), error: s.error }));
    expect(shape(exampleProvisioningRequest.steps)).toEqual(shape(done.steps));
    // A skipped step says why in the same words.
    const skipped = (steps: readonly { status: string; output: unknown }[]) => steps.filter((s) => s.status === "skipped").map((s) => s.output);
    expect(skipped(exampleProvisioningRequest.steps)).toEqual(skipped(done.steps));
    expect(exampleProvisioningRequest.status).toBe(done.status);
    expect(Object.keys(exampleProvisioningRequest).sort()).toEqual(Object.keys(done).sort());
  });
});
