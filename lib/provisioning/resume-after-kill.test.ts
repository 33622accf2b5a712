import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisioningRequests } from "@/db/schema";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps, subscribeTenant } from "@/test/provisioning-factories";
import { runTsx } from "@/test/run-tsx";
import { createSharedTestDb, type SharedTestDb } from "@/test/shared-test-db";
import { requestTag } from "./config";
import { createProvisioningRequest } from "./create-request";
import { getRequestOrThrow } from "./get-request";
import { runRequestInProcess } from "./run-in-process";

// The in-process runner's promise: a process killed mid-saga (here the instant DO received its create, before the
// create step could record anything) is resumed by the next one, which finds the droplet by the request's tag and
// never creates a second. With PGlite the child and this test take turns on a data directory.
describe("a saga killed mid-create resumes without creating twice", () => {
  let shared: SharedTestDb;
  let fake: FakeDo;
  const leaseMs = 1500;

  beforeAll(async () => {
    fake = await startFakeDo({ seed: 16, droplets: 2, actionDurationMs: 50 });
    shared = await createSharedTestDb("arcadia-provisioning-crash-");
  });
  afterAll(async () => {
    await fake?.close();
    await shared?.drop();
  });

  it("one droplet at DO after a SIGKILL and a rerun, and the request succeeds", async () => {
    const { item } = await shared.withDb(async (db) => {
      const { tenantId } = await subscribeTenant(db);
      return createProvisioningRequest(provisioningDeps(db, fake.url), {
        body: { tenant_id: tenantId, action: "create_droplet", params: { name: `tenant-${tenantId}-crash`, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } },
        idempotencyKey: randomUUID(),
        requestedBy: "arcadia-app:user-1",
      });
    });

    const child = runTsx("test/provisioning-crash-child.ts", [item.id, fake.url, String(leaseMs)], shared.childEnv);
    let killed = false;
    fake.faults.set("/v2/droplets", {
      type: "mutate",
      method: "POST",
      apply: () => {
        const pid = /^running (\d+)$/m.exec(child.output())?.[1];
        if (pid) process.kill(Number(pid), "SIGKILL");
        killed = Boolean(pid);
      },
    });
    const exit = await child.done;
    expect(killed, child.output()).toBe(true);
    expect(exit.output).not.toMatch(/finished/);
    expect(fake.account.droplets.filter((d) => d.tags.includes(requestTag(item.id)))).toHaveLength(1);

    await shared.withDb(async (db) => {
      const deps = provisioningDeps(db, fake.url, { leaseMs });
      // The dead runner's lease holds the request until it expires; then the next run takes it over.
      const [held] = await db.select().from(provisioningRequests).where(eq(provisioningRequests.id, item.id));
      expect(held).toMatchObject({ status: "running", leaseOwner: expect.stringContaining(`:${/^running (\d+)$/m.exec(exit.output)?.[1]}:`) });
      await new Promise((r) => setTimeout(r, Math.max(0, held!.leaseUntil!.getTime() - Date.now()) + 200));
      expect(await runRequestInProcess(deps, item.id)).toBe("succeeded");

      expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/droplets")).toHaveLength(1);
      const [droplet, ...more] = fake.account.droplets.filter((d) => d.tags.includes(requestTag(item.id)));
      expect(more).toEqual([]);
      const done = await getRequestOrThrow(db, item.id);
      expect(done).toMatchObject({ status: "succeeded", provider_id: String(droplet!.id) });
      expect(done.steps.find((s) => s.name === "create-droplet")).toMatchObject({ attempts: 2, output: { droplet_id: droplet!.id, found_existing: true } });
    });
  }, 120_000);
});
