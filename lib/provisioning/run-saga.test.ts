import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cloudProvisioned, cloudResources, notificationOutbox, provisioningReservations, usageRecords } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps, subscribeTenant } from "@/test/provisioning-factories";
import { type ProvisioningDeps, requestTag } from "./config";
import { createProvisioningRequest } from "./create-request";
import { approveRequest, rejectRequest } from "./decide-request";
import { getRequestOrThrow } from "./get-request";
import { runRequestInProcess } from "./run-in-process";
import type { CreateRequestBody } from "./schemas";

type CreateBody = Extract<CreateRequestBody, { action: "create_droplet" }>;

let t: TestDb;
let fake: FakeDo;
let deps: ProvisioningDeps;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 12, droplets: 3, actionDurationMs: 40 });
  deps = provisioningDeps(t.db, fake.url, { projectId: fake.account.projects.find((p) => !p.is_default)!.id });
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});
afterEach(() => fake.faults.clear());

const createBody = (tenantId: string, size = "s-1vcpu-1gb"): CreateBody => ({
  tenant_id: tenantId,
  action: "create_droplet",
  params: { name: `tenant-${tenantId}-web`, region: "syd1", size, image: "ubuntu-24-04-x64" },
});
const ask = async (body: CreateRequestBody, d = deps) => (await createProvisioningRequest(d, { body, idempotencyKey: randomUUID(), requestedBy: "arcadia-app:user-1" })).item;
const writes = (requestId: string) => fake.requests.filter((r) => r.method !== "GET" && JSON.stringify(r.body ?? "").includes(requestId));
const taggedDroplets = (requestId: string) => fake.account.droplets.filter((d) => d.tags.includes(requestTag(requestId)));
const eventsOf = async (requestId: string) => (await t.db.select().from(notificationOutbox)).filter((e) => e.data.request_id === requestId).map((e) => e.type);

/** A tenant's live droplet at DO and in the inventory, as a create would have left it. */
async function liveDroplet(tenantId: string, size = "s-1vcpu-1gb") {
  const request = await ask(createBody(tenantId, size));
  expect(await runRequestInProcess(deps, request.id)).toBe("succeeded");
  return getRequestOrThrow(t.db, request.id);
}

describe("the create_droplet saga, in-process", () => {
  it("creates, waits, tags, assigns, refreshes the inventory, records the spec and meters the tenant", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const request = await ask(createBody(tenantId));
    // A create DO takes its time over: the saga polls the action, sleeping between polls.
    fake.faults.set("/v2/droplets", { type: "slow_action", durationMs: 400, method: "POST" });
    const tagCalls = fake.requests.filter((r) => r.path.startsWith("/v2/tags")).length;
    expect(await runRequestInProcess(deps, request.id)).toBe("succeeded");

    const done = await getRequestOrThrow(t.db, request.id);
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["reserve", "succeeded"],
      ["approval", "skipped"],
      ["create-volume", "skipped"],
      ["create-droplet", "succeeded"],
      ["wait-create", "succeeded"],
      ["tag", "skipped"],
      ["assign-project", "succeeded"],
      ["refresh-inventory", "succeeded"],
      ["refresh-volume", "skipped"],
      ["record-provisioned", "succeeded"],
      ["meter-usage", "succeeded"],
    ]);
    expect(done.steps.every((s) => s.finished_at !== null)).toBe(true);
    const wait = done.steps.find((s) => s.name === "wait-create")!;
    expect(wait.attempts).toBeGreaterThan(1);
    // The first look, right after DO took the create, does not ask DO: an action is never done at once.
    const actionId = (done.steps.find((s) => s.name === "create-droplet")!.output as { action_id: number }).action_id;
    expect(fake.requests.filter((r) => r.path === `/v2/actions/${actionId}`)).toHaveLength(wait.attempts - 1);
    // DO tagged the droplet as it created it: the tag step asks DO for nothing more.
    expect(done.steps.find((s) => s.name === "tag")?.output).toEqual({ skipped: "DO made the droplet with the tenant's tag" });
    expect(fake.requests.filter((r) => r.path.startsWith("/v2/tags"))).toHaveLength(tagCalls);
    // The create's first attempt of all cannot have made anything before: it looks for no earlier droplet.
    expect(fake.requests.filter((r) => r.query.tag_name === requestTag(request.id))).toHaveLength(0);
    const [droplet] = taggedDroplets(request.id);
    expect(droplet).toMatchObject({ status: "active", size_slug: "s-1vcpu-1gb", tags: expect.arrayContaining([`tenant:${tenantId}`]) });
    expect(done).toMatchObject({ status: "succeeded", provider_id: String(droplet!.id), resource_id: expect.any(String), error: null });
    expect(fake.account.projectAssignments?.[`do:droplet:${droplet!.id}`]).toBe(deps.config.projectId);

    const [row] = await t.db.select().from(cloudResources).where(eq(cloudResources.id, done.resource_id!));
    expect(row).toMatchObject({ providerId: String(droplet!.id), status: "active", tags: expect.arrayContaining([`tenant:${tenantId}`]) });
    const [spec] = await t.db.select().from(cloudProvisioned).where(eq(cloudProvisioned.resourceId, done.resource_id!));
    expect(spec).toMatchObject({ specVersion: 1, recordedBy: "arcadia-app:user-1", spec: { size_slug: "s-1vcpu-1gb", region: "syd1" } });
    const [metered] = await t.db.select().from(usageRecords).where(and(eq(usageRecords.tenantId, tenantId), eq(usageRecords.resourceKind, "droplet_hours")));
    expect(Number(metered?.quantity)).toBeGreaterThan(0);
    expect((await t.db.select().from(provisioningReservations).where(eq(provisioningReservations.requestId, request.id))).map((r) => r.status)).toEqual(["consumed"]);
    expect(await eventsOf(request.id)).toEqual(["provisioning.requested", "provisioning.succeeded"]);
    // Run again: nothing is repeated.
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/droplets").length;
    expect(await runRequestInProcess(deps, request.id)).toBe("busy");
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/droplets")).toHaveLength(posts);
  });

  it("retries a create whose answer was lost, finding the droplet DO made instead of making another", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const request = await ask(createBody(tenantId));
    // DO makes the droplet, then the connection drops before its answer arrives.
    fake.faults.set("/v2/droplets", { type: "truncated", method: "POST" });
    expect(await runRequestInProcess(deps, request.id)).toBe("succeeded");
    const done = await getRequestOrThrow(t.db, request.id);
    expect(taggedDroplets(request.id)).toHaveLength(1);
    expect(done.steps.find((s) => s.name === "create-droplet")).toMatchObject({ attempts: 2, output: { found_existing: true } });
    expect(fake.requests.filter((r) => r.query.tag_name === requestTag(request.id))).toHaveLength(1);
  });

  it("compensates an errored create: deletes what DO made, releases the reservation, ends compensated with the error", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const request = await ask(createBody(tenantId));
    fake.faults.set("/v2/droplets", { type: "errored_action", method: "POST", actionType: "create" });
    expect(await runRequestInProcess(deps, request.id)).toBe("compensated");

    const done = await getRequestOrThrow(t.db, request.id);
    expect(done.status).toBe("compensated");
    expect(done.error).toMatch(/create action \d+ errored/);
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["reserve", "succeeded"],
      ["approval", "skipped"],
      ["create-volume", "skipped"],
      ["create-droplet", "succeeded"],
      ["wait-create", "failed"],
      ["compensate-delete-droplets", "succeeded"],
      ["compensate-delete-volume", "skipped"],
    ]);
    expect(taggedDroplets(request.id)).toEqual([]);
    expect(fake.account.droplets.some((d) => String(d.id) === done.provider_id)).toBe(false);
    expect((await t.db.select().from(provisioningReservations).where(eq(provisioningReservations.requestId, request.id))).map((r) => r.status)).toEqual(["released"]);
    const failed = (await t.db.select().from(notificationOutbox)).find((e) => e.data.request_id === request.id && e.type === "provisioning.failed");
    expect(failed?.data).toMatchObject({ status: "compensated", error: done.error });
  });

  it("makes the volume asked for with the droplet, attached; an errored create deletes both", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const body = { ...createBody(tenantId), params: { ...createBody(tenantId).params, volume_gb: 40 } };
    const request = await ask(body);
    expect(await runRequestInProcess(deps, request.id)).toBe("succeeded");
    const [droplet] = taggedDroplets(request.id);
    const volume = fake.account.volumes.find((v) => v.tags.includes(requestTag(request.id)));
    expect(volume).toMatchObject({ size_gigabytes: 40, region: { slug: "syd1" }, droplet_ids: [droplet!.id], tags: expect.arrayContaining([`tenant:${tenantId}`]) });
    const [row] = await t.db.select().from(cloudResources).where(and(eq(cloudResources.kind, "volume"), eq(cloudResources.providerId, volume!.id)));
    expect(row?.tags).toContain(`tenant:${tenantId}`);
    const reserved = await t.db.select().from(provisioningReservations).where(eq(provisioningReservations.requestId, request.id));
    expect(reserved.map((r) => [r.resourceKind, r.status]).sort()).toEqual([["droplet_hours", "consumed"], ["volume_gb_month", "consumed"]]);

    const failing = await ask(body);
    fake.faults.set("/v2/droplets", { type: "errored_action", method: "POST", actionType: "create" });
    expect(await runRequestInProcess(deps, failing.id)).toBe("compensated");
    expect(taggedDroplets(failing.id)).toEqual([]);
    expect(fake.account.volumes.filter((v) => v.tags.includes(requestTag(failing.id)))).toEqual([]);
    const steps = (await getRequestOrThrow(t.db, failing.id)).steps;
    expect(steps.find((s) => s.name === "compensate-delete-volume")).toMatchObject({ status: "succeeded", output: { undid: true } });
  });

  it("ends failed, with DO's words, when DO refuses the create and nothing was made", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const request = await ask(createBody(tenantId));
    fake.faults.set("/v2/droplets", { type: "error", status: 422, method: "POST", message: "Droplet limit reached" });
    expect(await runRequestInProcess(deps, request.id)).toBe("failed");
    const done = await getRequestOrThrow(t.db, request.id);
    expect(done.error).toMatch(/422.*Droplet limit reached/);
    expect(done.steps.find((s) => s.name === "compensate-delete-droplets")?.output).toMatchObject({ undid: false, deleted: [] });
  });

  it("runs every step but the DO calls in a dry run", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const dry = provisioningDeps(t.db, fake.url, { isEnabled: false, isDryRun: true });
    const request = await ask(createBody(tenantId), dry);
    const before = fake.requests.length;
    expect(await runRequestInProcess(dry, request.id)).toBe("succeeded");
    expect(fake.requests.slice(before).filter((r) => r.method !== "GET")).toEqual([]);
    const done = await getRequestOrThrow(t.db, request.id);
    expect(done).toMatchObject({ dry_run: true, resource_id: null, provider_id: null });
    expect(done.steps.find((s) => s.name === "create-droplet")?.output).toMatchObject({ dry_run: true, would: { method: "POST", path: "/v2/droplets", body: { size: "s-1vcpu-1gb", tags: [`tenant:${tenantId}`, requestTag(request.id)] } } });
  });

  it("lets nothing reach DO once PROVISIONING_ENABLED is off, even for a request accepted before", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const request = await ask(createBody(tenantId));
    const before = fake.requests.length;
    expect(await runRequestInProcess({ ...deps, config: { ...deps.config, isEnabled: false } }, request.id)).toBe("failed");
    expect(fake.requests.slice(before)).toEqual([]);
    expect((await getRequestOrThrow(t.db, request.id)).error).toMatch(/PROVISIONING_ENABLED is not set/);
  });
});

describe("approval", () => {
  it("waits for an admin: approved, it runs; rejected, it ends cancelled without touching DO", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const big = await ask(createBody(tenantId, "m-16vcpu-128gb"));
    expect(await runRequestInProcess(deps, big.id)).toBe("suspended");
    expect((await getRequestOrThrow(t.db, big.id)).status).toBe("awaiting_approval");
    expect(writes(big.id)).toEqual([]);
    const approved = await approveRequest(t.db, big.id, "arcadia-app:admin-9");
    expect(approved).toMatchObject({ status: "queued", approval: { decision: "approved", decided_by: "arcadia-app:admin-9" } });
    expect(await runRequestInProcess(deps, big.id)).toBe("succeeded");
    expect((await getRequestOrThrow(t.db, big.id)).steps.find((s) => s.name === "approval")).toMatchObject({ status: "succeeded", output: { decision: "approved" } });
    await expect(approveRequest(t.db, big.id, "arcadia-app:admin-9")).rejects.toMatchObject({ code: "conflict" });

    const other = await ask(createBody(tenantId, "m-16vcpu-128gb"));
    expect(await rejectRequest(t.db, other.id, "arcadia-app:admin-9")).toMatchObject({ status: "cancelled", approval: { decision: "rejected" } });
    expect(await runRequestInProcess(deps, other.id)).toBe("busy");
    expect(writes(other.id)).toEqual([]);
    expect((await t.db.select().from(provisioningReservations).where(eq(provisioningReservations.requestId, other.id))).map((r) => r.status)).toEqual(["released"]);
    expect(await eventsOf(other.id)).toEqual(["provisioning.requested", "provisioning.failed"]);
  });
});

describe("resize_droplet and delete_droplet", () => {
  it("resizes a running droplet by DO's rules: power off, resize (disk grows), power on; records the new size", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const created = await liveDroplet(tenantId);
    const resize = await ask({ tenant_id: tenantId, action: "resize_droplet", params: { resource_id: created.resource_id!, size: "s-2vcpu-4gb" } });
    expect(await runRequestInProcess(deps, resize.id)).toBe("succeeded");
    const done = await getRequestOrThrow(t.db, resize.id);
    expect(done.steps.map((s) => s.name)).toEqual(["reserve", "approval", "inspect", "power-off", "wait-power-off", "resize", "wait-resize", "power-on", "wait-power-on", "refresh-inventory", "record-provisioned"]);
    const droplet = fake.account.droplets.find((d) => String(d.id) === created.provider_id)!;
    expect(droplet).toMatchObject({ status: "active", size_slug: "s-2vcpu-4gb", disk: 80 });
    const types = fake.actions().filter((a) => a.resource_id === droplet.id).map((a) => a.type);
    expect(types).toEqual(["create", "power_off", "resize", "power_on"]);
    const [spec] = await t.db.select().from(cloudProvisioned).where(eq(cloudProvisioned.resourceId, created.resource_id!));
    expect(spec).toMatchObject({ specVersion: 2, spec: { size_slug: "s-2vcpu-4gb", region: "syd1" } });
    const [row] = await t.db.select().from(cloudResources).where(eq(cloudResources.id, created.resource_id!));
    expect(row?.sizeSlug).toBe("s-2vcpu-4gb");
  });

  it("refuses to shrink a disk before anything is asked of DO", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const created = await liveDroplet(tenantId, "s-1vcpu-2gb");
    const refused = await createProvisioningRequest(deps, {
      body: { tenant_id: tenantId, action: "resize_droplet", params: { resource_id: created.resource_id!, size: "s-1vcpu-1gb" } },
      idempotencyKey: randomUUID(),
      requestedBy: "arcadia-app:user-1",
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "conflict", message: expect.stringMatching(/disk only grows/) });
  });

  it("powers the droplet back on when the resize errors, and ends compensated", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const created = await liveDroplet(tenantId);
    fake.faults.set(`/v2/droplets/${created.provider_id}/actions`, { type: "errored_action", actionType: "resize" });
    const resize = await ask({ tenant_id: tenantId, action: "resize_droplet", params: { resource_id: created.resource_id!, size: "s-2vcpu-4gb" } });
    expect(await runRequestInProcess(deps, resize.id)).toBe("compensated");
    expect((await getRequestOrThrow(t.db, resize.id)).error).toMatch(/resize action \d+ errored/);
    const droplet = fake.account.droplets.find((d) => String(d.id) === created.provider_id)!;
    expect(fake.actions().filter((a) => a.resource_id === droplet.id).map((a) => `${a.type}:${a.status}`)).toEqual([
      "create:completed",
      "power_off:completed",
      "resize:errored",
      expect.stringMatching(/^power_on:/),
    ]);
    expect(droplet.size_slug).toBe("s-1vcpu-1gb");
  });

  it("deletes the droplet, tombstones it and records that it should not exist", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const created = await liveDroplet(tenantId);
    const del = await ask({ tenant_id: tenantId, action: "delete_droplet", params: { resource_id: created.resource_id! } });
    expect(await runRequestInProcess(deps, del.id)).toBe("succeeded");
    expect(fake.account.droplets.some((d) => String(d.id) === created.provider_id)).toBe(false);
    const [row] = await t.db.select().from(cloudResources).where(eq(cloudResources.id, created.resource_id!));
    expect(row?.deletedAt).not.toBeNull();
    const [spec] = await t.db.select().from(cloudProvisioned).where(eq(cloudProvisioned.resourceId, created.resource_id!));
    expect(spec?.spec).toEqual({ exists: false });
  });

  it("answers 404 for another tenant's droplet", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const other = await subscribeTenant(t.db);
    const created = await liveDroplet(tenantId);
    const refused = await createProvisioningRequest(deps, {
      body: { tenant_id: other.tenantId, action: "delete_droplet", params: { resource_id: created.resource_id! } },
      idempotencyKey: randomUUID(),
      requestedBy: "arcadia-app:user-1",
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "not_found" });
  });
});
