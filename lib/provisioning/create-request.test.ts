import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox, provisioningIdempotencyKeys, provisioningRequests, provisioningReservations, usageRecords } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps, subscribeTenant } from "@/test/provisioning-factories";
import type { ProvisioningDeps } from "./config";
import { createProvisioningRequest } from "./create-request";
import { hoursLeftInMonth } from "./plan-request";
import type { CreateRequestBody } from "./schemas";

type CreateBody = Extract<CreateRequestBody, { action: "create_droplet" }>;
import { toPeriod } from "@/lib/billing/month";

let t: TestDb;
let fake: FakeDo;
let deps: ProvisioningDeps;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 11, droplets: 3 });
  deps = provisioningDeps(t.db, fake.url);
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

const create = (tenantId: string, size = "s-1vcpu-1gb"): CreateBody => ({
  tenant_id: tenantId,
  action: "create_droplet",
  params: { name: `tenant-${tenantId}-web`, region: "syd1", size, image: "ubuntu-24-04-x64" },
});
const ask = (body: CreateRequestBody, key = randomUUID(), d: ProvisioningDeps = deps) =>
  createProvisioningRequest(d, { body, idempotencyKey: key, requestedBy: "arcadia-app:user-1" });
const refusal = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error("expected a refusal")), (e: unknown) => e as { code: string; message: string; details: any });

describe("Idempotency-Key (Stripe's semantics)", () => {
  it("answers the same request for the same key and body, whatever the order of its keys", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const key = randomUUID();
    const first = await ask(create(tenantId), key);
    expect(first).toMatchObject({ isReplay: false, item: { status: "queued", action: "create_droplet", tenant_id: tenantId, resource_id: null, steps: [] } });
    const body = create(tenantId);
    const reordered = { params: { image: body.params.image, size: body.params.size, region: "syd1", name: body.params.name }, action: body.action, tenant_id: tenantId } as CreateBody;
    const replay = await ask(reordered, key);
    expect(replay).toMatchObject({ isReplay: true, item: { id: first.item.id } });
    expect(await t.db.select().from(provisioningRequests).where(eq(provisioningRequests.tenantId, tenantId))).toHaveLength(1);
  });

  it("refuses the same key with another body with a 409, and makes nothing", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const key = randomUUID();
    const first = await ask(create(tenantId), key);
    const e = await refusal(ask(create(tenantId, "s-1vcpu-2gb"), key));
    expect(e).toMatchObject({ code: "conflict", details: { request_id: first.item.id } });
    expect(e.message).toMatch(/Idempotency-Key was used with another body/);
    expect(await t.db.select().from(provisioningRequests).where(eq(provisioningRequests.tenantId, tenantId))).toHaveLength(1);
  });

  it("makes one request of concurrent duplicates, each answered with it", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(create(tenantId), key)));
    expect(new Set(answers.map((a) => a.item.id)).size).toBe(1);
    expect(answers.filter((a) => !a.isReplay)).toHaveLength(1);
    expect(await t.db.select().from(provisioningRequests).where(eq(provisioningRequests.tenantId, tenantId))).toHaveLength(1);
    expect(await t.db.select().from(provisioningReservations).where(eq(provisioningReservations.tenantId, tenantId))).toHaveLength(1);
  });

  it("keeps a key for 24 hours, after which it names a new request", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const key = randomUUID();
    const tenth = new Date(`${toPeriod(new Date()).slice(0, 8)}10T00:00:00Z`);
    const first = await ask(create(tenantId), key, { ...deps, now: () => tenth });
    const [stored] = await t.db.select().from(provisioningIdempotencyKeys).where(eq(provisioningIdempotencyKeys.key, key));
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(24 * 3_600_000);
    const almost = { ...deps, now: () => new Date(tenth.getTime() + 24 * 3_600_000 - 60_000) };
    expect((await ask(create(tenantId), key, almost)).item.id).toBe(first.item.id);
    const later = { ...deps, now: () => new Date(tenth.getTime() + 24 * 3_600_000 + 60_000) };
    const again = await ask(create(tenantId), key, later);
    expect(again.isReplay).toBe(false);
    expect(again.item.id).not.toBe(first.item.id);
  });

  it("records who asked in the event log, with the request", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const { item } = await ask(create(tenantId));
    const events = (await t.db.select().from(notificationOutbox)).filter((e) => e.data.request_id === item.id);
    expect(events).toEqual([expect.objectContaining({ type: "provisioning.requested", data: expect.objectContaining({ requested_by: "arcadia-app:user-1", tenant_id: tenantId, status: "queued", monthly_cogs_cents: 600 }) })]);
  });
});

describe("entitlements, before anything reaches DO", () => {
  it("refuses a tenant without a subscription in force", async () => {
    const e = await refusal(ask(create("nobody-subscribed")));
    expect(e).toMatchObject({ code: "entitlement_exceeded", details: { allowance: "subscription" } });
    const ended = await subscribeTenant(t.db, { status: "canceled" });
    expect(await refusal(ask(create(ended.tenantId)))).toMatchObject({ code: "entitlement_exceeded", details: { allowance: "subscription" } });
  });

  it("refuses a size outside the plan's list, naming the sizes it allows; an empty list allows any", async () => {
    const limited = await subscribeTenant(t.db, { allowedSizes: ["s-1vcpu-1gb", "s-1vcpu-2gb"] });
    const e = await refusal(ask(create(limited.tenantId, "s-2vcpu-4gb")));
    expect(e).toMatchObject({ code: "entitlement_exceeded", details: { allowance: "size", size: "s-2vcpu-4gb", allowed_sizes: ["s-1vcpu-1gb", "s-1vcpu-2gb"] } });
    expect((await ask(create(limited.tenantId, "s-1vcpu-2gb"))).item.status).toBe("queued");
    const open = await subscribeTenant(t.db);
    expect((await ask(create(open.tenantId, "s-2vcpu-4gb"))).item.status).toBe("queued");
  });

  it("refuses a create whose droplet hours to the month's end would pass the hard cap, with used, projected and cap", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const now = new Date();
    const left = hoursLeftInMonth(now);
    // Starter: 744 included, hard cap 1,488. Used so far puts one more droplet to the month's end just past the cap.
    const used = Math.max(0, Math.ceil(1488 - left) + 5);
    await t.db.insert(usageRecords).values({ clientKey: `meter:${tenantId}`, tenantId, resourceKind: "droplet_hours", period: toPeriod(now), quantity: used.toFixed(6), source: "meter" });
    const e = await refusal(ask(create(tenantId)));
    expect(e.code).toBe("entitlement_exceeded");
    expect(e.details).toMatchObject({ allowance: "droplet_hours", used, cap: 1488 });
    expect(e.details.projected).toBeCloseTo(used + left, 1);
    expect(e.details.projected).toBeGreaterThan(1488);
    expect(await t.db.select().from(provisioningRequests).where(eq(provisioningRequests.tenantId, tenantId))).toHaveLength(0);
  });

  it("counts what in-flight requests hold, so two creates cannot pass the cap together", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const now = new Date();
    const left = hoursLeftInMonth(now);
    // Room for exactly one more droplet to the month's end.
    const used = Math.max(0, Math.floor(1488 - left * 1.5));
    await t.db.insert(usageRecords).values({ clientKey: `meter:${tenantId}`, tenantId, resourceKind: "droplet_hours", period: toPeriod(now), quantity: used.toFixed(6), source: "meter" });
    const outcomes = await Promise.allSettled([ask(create(tenantId)), ask(create(tenantId))]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "entitlement_exceeded", details: { allowance: "droplet_hours", in_flight: expect.any(Number) } });
  });

  it("refuses unknown sizes and regions the size is not offered in with a 400", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    expect(await refusal(ask(create(tenantId, "s-64vcpu-huge")))).toMatchObject({ code: "invalid_request" });
    expect(await refusal(ask({ ...create(tenantId), params: { ...create(tenantId).params, region: "ams3" } }))).toMatchObject({ code: "invalid_request" });
  });
});

describe("approval and safety", () => {
  it("makes a request costing more than the threshold wait for approval", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    // m-16vcpu-128gb lists at $1,008 a month, past the $200 threshold.
    const { item } = await ask(create(tenantId, "m-16vcpu-128gb"));
    expect(item).toMatchObject({ status: "awaiting_approval", approval: { required: true, monthly_cogs: "1008.00", currency: "USD", decision: null } });
  });

  it("accepts nothing while provisioning is disabled, and marks a dry run's requests", async () => {
    const { tenantId } = await subscribeTenant(t.db);
    const off = { ...deps, config: { ...deps.config, isEnabled: false } };
    expect(await refusal(ask(create(tenantId), randomUUID(), off))).toMatchObject({ code: "conflict", message: expect.stringMatching(/PROVISIONING_ENABLED/) });
    const dry = { ...deps, config: { ...deps.config, isEnabled: false, isDryRun: true } };
    expect((await ask(create(tenantId), randomUUID(), dry)).item.dry_run).toBe(true);
  });
});
