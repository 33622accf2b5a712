import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox, provisioningReservations } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps, seedProvisioningRequest, subscribeTenant } from "@/test/provisioning-factories";
import { cancelRequest } from "./cancel-request";
import { type ProvisioningDeps, requestTag } from "./config";
import { createProvisioningRequest } from "./create-request";
import { approveRequest } from "./decide-request";
import { getRequestOrThrow } from "./get-request";
import { runRequestInProcess } from "./run-in-process";
import { runSaga } from "./run-saga";
import type { CreateRequestBody } from "./schemas";
import { SagaSuspended, type StepDriver } from "./step-driver";

let t: TestDb;
let fake: FakeDo;
let deps: ProvisioningDeps;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 17, droplets: 2, actionDurationMs: 20 });
  deps = provisioningDeps(t.db, fake.url);
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

const body = (tenantId: string, size = "s-1vcpu-1gb"): CreateRequestBody => ({
  tenant_id: tenantId,
  action: "create_droplet",
  params: { name: `tenant-${tenantId}-c`, region: "syd1", size, image: "ubuntu-24-04-x64" },
});
const ask = async (b: CreateRequestBody) => (await createProvisioningRequest(deps, { body: b, idempotencyKey: randomUUID(), requestedBy: "arcadia-app:user-1" })).item;
const held = async (requestId: string) => (await t.db.select().from(provisioningReservations).where(eq(provisioningReservations.requestId, requestId))).map((r) => r.status);
const refusal = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error("expected a refusal")), (e: unknown) => e as { code: string; details: unknown });
const tagged = (requestId: string) => fake.account.droplets.filter((d) => d.tags.includes(requestTag(requestId)));

/** Like Inngest: a step that already ran answers its remembered output instead of running again. */
function memoDriver(memo: Map<string, unknown>): StepDriver {
  return {
    async run(id, fn) {
      if (!memo.has(id)) memo.set(id, await fn());
      return memo.get(id) as never;
    },
    sleep: async (_id, ms) => new Promise((r) => setTimeout(r, ms)),
    waitForDecision: async () => {},
  };
}

describe("cancelRequest", () => {
  it("cancels a queued request: released, in the event log with who cancelled, and its saga never reaches DO", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const queued = await ask(body(tenantId));
    expect(await held(queued.id)).toEqual(["held"]);
    const cancelled = await cancelRequest(t.db, queued.id, "ops@example.com");
    expect(cancelled).toMatchObject({ status: "cancelled", error: "cancelled by ops@example.com", finished_at: expect.any(String) });
    expect(await held(queued.id)).toEqual(["released"]);
    const events = (await t.db.select().from(notificationOutbox)).filter((e) => e.data.request_id === queued.id);
    expect(events.map((e) => [e.type, e.data.status, e.data.error])).toContainEqual(["provisioning.failed", "cancelled", "cancelled by ops@example.com"]);
    expect(await runRequestInProcess(deps, queued.id)).toBe("busy");
    expect(tagged(queued.id)).toEqual([]);
  });

  it("cancels a request awaiting approval, and the saga waiting for the decision ends cancelled", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const big = await ask(body(tenantId, "m-16vcpu-128gb"));
    expect(big.status).toBe("awaiting_approval");
    expect(await runRequestInProcess(deps, big.id)).toBe("suspended");
    await cancelRequest(t.db, big.id, "ops@example.com");
    const memo = new Map<string, unknown>();
    expect(await runSaga(deps, big.id, memoDriver(memo))).toBe("cancelled");
    expect((await getRequestOrThrow(t.db, big.id)).status).toBe("cancelled");
    expect(tagged(big.id)).toEqual([]);
  });

  it("stops a saga that was approved and then cancelled before it resumed (Inngest remembers its start)", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const big = await ask(body(tenantId, "m-16vcpu-128gb"));
    const memo = new Map<string, unknown>();
    const waiting = memoDriver(memo);
    // First run: up to the approval wait, where it stops as the in-process driver does.
    waiting.waitForDecision = async () => {
      throw new SagaSuspended();
    };
    expect(await runSaga(deps, big.id, waiting)).toBe("suspended");
    await approveRequest(t.db, big.id, "ops@example.com");
    await cancelRequest(t.db, big.id, "ops@example.com");
    for (const key of [...memo.keys()]) if (key.startsWith("approval")) memo.delete(key);
    expect(await runSaga(deps, big.id, memoDriver(memo))).toBe("cancelled");
    expect(tagged(big.id)).toEqual([]);
    expect(await held(big.id)).toEqual(["released"]);
  });

  it("refuses a running or finished request with 409 not_cancellable and its status; an unknown one is not_found", async () => {
    for (const status of ["running", "succeeded", "failed", "compensated", "cancelled"] as const) {
      const row = await seedProvisioningRequest(t.db, { status });
      expect(await refusal(cancelRequest(t.db, row.id, "ops"))).toMatchObject({ code: "not_cancellable", details: { status } });
      expect((await getRequestOrThrow(t.db, row.id)).status).toBe(status);
    }
    expect(await refusal(cancelRequest(t.db, randomUUID(), "ops"))).toMatchObject({ code: "not_found" });
  });
});
