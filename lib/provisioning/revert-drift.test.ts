import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cloudDrift, notificationOutbox, provisioningRequests } from "@/db/schema";
import { acceptDrift } from "@/lib/drift/accept-drift";
import { detectAll } from "@/lib/drift/detect-all";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import type { Spec } from "@/lib/drift/schemas";
import { createTestDb, type TestDb } from "@/test/db";
import { type AddDropletInput, type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps } from "@/test/provisioning-factories";
import type { ProvisioningDeps } from "./config";
import { getRequestOrThrow } from "./get-request";
import { refreshDroplet } from "./refresh-inventory";
import { requestDriftRevert } from "./request-drift-revert";
import { runRequestInProcess } from "./run-in-process";

let t: TestDb;
let fake: FakeDo;
let deps: ProvisioningDeps;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 21, droplets: 1, actionDurationMs: 40 });
  deps = provisioningDeps(t.db, fake.url);
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});
afterEach(() => fake.faults.clear());

const admin = "admin@example.com";

/** A droplet live at the fake DO and in the inventory, with a spec it no longer matches: the sweep opens the drift. */
async function drifted(live: AddDropletInput, spec: (tags: string[]) => Spec, field: string) {
  const droplet = fake.addDroplet({ name: `web-${randomUUID().slice(0, 8)}`, region: "syd1", status: "active", ...live });
  const resourceId = (await refreshDroplet(t.db, deps.doClient(), String(droplet.id)))!;
  await recordProvisioned(t.db, resourceId, spec(droplet.tags), "arcadia-app:user-1");
  await detectAll(t.db);
  const [drift] = await t.db.select().from(cloudDrift).where(eq(cloudDrift.resourceId, resourceId));
  expect(drift).toMatchObject({ field, status: "open" });
  return { droplet, resourceId, drift: drift! };
}
const driftRow = async (id: string) => (await t.db.select().from(cloudDrift).where(eq(cloudDrift.id, id)))[0]!;
const liveDroplet = (id: number) => fake.account.droplets.find((d) => d.id === id)!;
const refused = (p: Promise<unknown>) => p.then(() => expect.unreachable("should be refused"), (e: unknown) => e);

describe("reverting drift at DO", () => {
  it("resizes the droplet back by DO's rules (power off, resize, power on) and closes the drift reverted once DO reports it", async () => {
    const { droplet, drift } = await drifted({ sizeSlug: "s-1vcpu-1gb", tags: ["tenant:acme"] }, () => ({ size_slug: "s-2vcpu-4gb" }), "size_slug");
    const request = await requestDriftRevert(deps, drift.id, admin);
    expect(request).toMatchObject({
      action: "revert_drift",
      status: "queued",
      tenant_id: "acme",
      provider_id: String(droplet.id),
      params: { drift_id: drift.id, field: "size_slug", size: "s-2vcpu-4gb", from_size: "s-1vcpu-1gb", description: expect.stringMatching(/^Resize droplet web-.* from s-1vcpu-1gb to s-2vcpu-4gb: DO powers it off/) },
    });
    expect((await driftRow(drift.id)).revertRequestId).toBe(request.id);

    expect(await runRequestInProcess(deps, request.id)).toBe("succeeded");
    expect(liveDroplet(droplet.id)).toMatchObject({ size_slug: "s-2vcpu-4gb", status: "active" });
    const actions = fake.requests.filter((r) => r.method === "POST" && r.path === `/v2/droplets/${droplet.id}/actions`).map((r) => (r.body as { type: string }).type);
    expect(actions).toEqual(["power_off", "resize", "power_on"]);
    const done = await getRequestOrThrow(t.db, request.id);
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["inspect", "succeeded"],
      ["power-off", "succeeded"],
      ["wait-power-off", "succeeded"],
      ["resize", "succeeded"],
      ["wait-resize", "succeeded"],
      ["power-on", "succeeded"],
      ["wait-power-on", "succeeded"],
      ["retag", "skipped"],
      ["refresh-inventory", "succeeded"],
      ["confirm-revert", "succeeded"],
    ]);
    expect(await driftRow(drift.id)).toMatchObject({ status: "reverted", resolvedBy: admin, resolvedAt: expect.any(Date) });
    const resolved = (await t.db.select().from(notificationOutbox)).filter((e) => e.type === "drift.resolved" && e.data.drift_id === drift.id);
    expect(resolved.map((e) => e.data.resolution)).toEqual(["reverted"]);
    // The confirming sync: the sweep finds nothing left to open.
    expect((await detectAll(t.db)).opened).toBe(0);
  });

  it("tags and untags the droplet back to the spec's tags", async () => {
    const { droplet, drift } = await drifted(
      { tags: ["tenant:acme", "env:prod"] },
      (tags) => ({ tags: [...tags.filter((x) => x !== "env:prod"), "env:staging", "backup:daily"] }),
      "tags",
    );
    const request = await requestDriftRevert(deps, drift.id, admin);
    expect(request.params).toMatchObject({ add_tags: ["backup:daily", "env:staging"], remove_tags: ["env:prod"] });
    expect(await runRequestInProcess(deps, request.id)).toBe("succeeded");
    expect([...liveDroplet(droplet.id).tags].sort()).toEqual(["backup:daily", "env:staging", "tenant:acme"]);
    const done = await getRequestOrThrow(t.db, request.id);
    expect(done.steps.find((s) => s.name === "resize")).toMatchObject({ status: "skipped", output: { skipped: "the revert changes no size" } });
    expect(await driftRow(drift.id)).toMatchObject({ status: "reverted", resolvedBy: admin });
  });

  it("refuses what DO cannot change in place with not_revertible (422) naming the field, and a shrinking disk", async () => {
    const { drift } = await drifted({ region: "syd1" }, () => ({ region: "nyc3" }), "region");
    const e = await refused(requestDriftRevert(deps, drift.id, admin));
    expect(e).toMatchObject({ code: "not_revertible", status: 422, details: { fields: [{ field: "region", reason: expect.stringContaining("region") }] } });

    const shrink = await drifted({ sizeSlug: "s-2vcpu-4gb" }, () => ({ size_slug: "s-1vcpu-1gb" }), "size_slug");
    const small = await refused(requestDriftRevert(deps, shrink.drift.id, admin));
    expect(small).toMatchObject({ code: "not_revertible", details: { fields: [{ field: "size_slug", reason: expect.stringContaining("never shrinks a disk") }] } });
    expect((await driftRow(shrink.drift.id)).revertRequestId).toBeNull();
  });

  it("refuses a closed drift and a second revert while one is under way (409)", async () => {
    const closed = await drifted({ sizeSlug: "s-1vcpu-1gb" }, () => ({ size_slug: "s-1vcpu-2gb" }), "size_slug");
    await acceptDrift(t.db, closed.drift.id, admin);
    expect(await refused(requestDriftRevert(deps, closed.drift.id, admin))).toMatchObject({ code: "conflict", status: 409, details: { status: "accepted" } });

    const open = await drifted({ sizeSlug: "s-1vcpu-1gb" }, () => ({ size_slug: "s-1vcpu-2gb" }), "size_slug");
    const first = await requestDriftRevert(deps, open.drift.id, admin);
    expect(await refused(requestDriftRevert(deps, open.drift.id, admin))).toMatchObject({ code: "conflict", details: { request_id: first.id } });
    expect(await runRequestInProcess(deps, first.id)).toBe("succeeded");

    // DO already matches (someone fixed it by hand, the inventory has seen it): nothing to ask of DO, nothing to credit.
    const fixed = await drifted({ tags: ["tenant:acme"] }, () => ({ tags: ["tenant:acme", "web"] }), "tags");
    fake.updateDroplet(fixed.droplet.id, { tags: ["tenant:acme", "web"] });
    await refreshDroplet(t.db, deps.doClient(), String(fixed.droplet.id));
    expect(await refused(requestDriftRevert(deps, fixed.drift.id, admin))).toMatchObject({ code: "conflict", message: expect.stringContaining("matches the spec already") });
  });

  it("never closes a drift as reverted when DO did not change: a dry run, or a resize DO failed", async () => {
    const dry = await drifted({ sizeSlug: "s-1vcpu-1gb" }, () => ({ size_slug: "s-1vcpu-2gb" }), "size_slug");
    const dryDeps = { ...deps, config: { ...deps.config, isDryRun: true } };
    const asked = await requestDriftRevert(dryDeps, dry.drift.id, admin);
    expect(asked.dry_run).toBe(true);
    expect(await runRequestInProcess(dryDeps, asked.id)).toBe("succeeded");
    expect(liveDroplet(dry.droplet.id).size_slug).toBe("s-1vcpu-1gb");
    await detectAll(t.db);
    expect((await driftRow(dry.drift.id)).status).toBe("open");

    const failing = await drifted({ sizeSlug: "s-1vcpu-1gb" }, () => ({ size_slug: "s-1vcpu-2gb" }), "size_slug");
    const request = await requestDriftRevert(deps, failing.drift.id, admin);
    fake.faults.set(`/v2/droplets/${failing.droplet.id}/actions`, { type: "errored_action", actionType: "resize", method: "POST" });
    expect(await runRequestInProcess(deps, request.id)).toBe("compensated");
    // Compensation powered it on again (DO's action takes its few ms; the fake settles actions as it is asked).
    await vi.waitFor(async () => expect(await deps.doClient().getDroplet(failing.droplet.id)).toMatchObject({ size_slug: "s-1vcpu-1gb", status: "active" }));
    await detectAll(t.db);
    expect((await driftRow(failing.drift.id)).status).toBe("open");

    // Someone fixes it by hand at DO: the next sync and sweep close it, as stale, since the request did not do it.
    fake.updateDroplet(failing.droplet.id, { sizeSlug: "s-1vcpu-2gb" });
    await refreshDroplet(t.db, deps.doClient(), String(failing.droplet.id));
    await detectAll(t.db);
    expect(await driftRow(failing.drift.id)).toMatchObject({ status: "stale", resolvedBy: "detect-drift" });
  });

  it("lets the sweep close a drift as reverted when a sync sees it match after its revert succeeded", async () => {
    const { droplet, drift } = await drifted({ sizeSlug: "s-1vcpu-1gb" }, () => ({ size_slug: "s-1vcpu-2gb" }), "size_slug");
    const request = await requestDriftRevert(deps, drift.id, admin);
    // As if the saga had finished at DO but stopped before confirm-revert closed the drift: DO matches, the request ended.
    fake.updateDroplet(droplet.id, { sizeSlug: "s-1vcpu-2gb" });
    await refreshDroplet(t.db, deps.doClient(), String(droplet.id));
    await t.db.update(provisioningRequests).set({ status: "succeeded", finishedAt: new Date() }).where(eq(provisioningRequests.id, request.id));
    await detectAll(t.db);
    expect(await driftRow(drift.id)).toMatchObject({ status: "reverted", resolvedBy: admin });
  });
});
