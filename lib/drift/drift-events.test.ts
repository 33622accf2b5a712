import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudResources, notificationOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { acceptDrift } from "./accept-drift";
import { detectAll } from "./detect-all";
import { recordProvisioned } from "./record-provisioned";

describe("drift notifications in the outbox", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const eventsFor = async (resourceId: string) =>
    (await t.db.select().from(notificationOutbox).where(sql`${notificationOutbox.data} -> 'resource' ->> 'id' = ${resourceId}`).orderBy(asc(notificationOutbox.createdAt)))
      .map((e) => ({ type: e.type, data: e.data as Record<string, any> }));
  const setLive = (id: string, patch: Partial<typeof cloudResources.$inferInsert>) => t.db.update(cloudResources).set(patch).where(eq(cloudResources.id, id));

  it("announces drift once when it opens, never again while it stays open, and once when it closes", async () => {
    const r = await createResource(t.db, { name: "web-01", sizeSlug: "s-2vcpu-4gb", region: "syd1" });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb", region: "syd1" }, "saga");

    await detectAll(t.db);
    await detectAll(t.db); // still open: nothing new
    await setLive(r.id, { sizeSlug: "s-4vcpu-8gb" });
    await detectAll(t.db); // open drift moves to the new live value: still the same drift, not announced again
    let events = await eventsFor(r.id);
    expect(events.map((e) => e.type)).toEqual(["drift.detected"]);
    expect(events[0]!.data).toMatchObject({
      resource: { id: r.id, name: "web-01", kind: "droplet", region: "syd1" },
      field: "size_slug",
      expected: "s-1vcpu-2gb",
      actual: "s-2vcpu-4gb",
      spec_version: 1,
    });

    await setLive(r.id, { sizeSlug: "s-1vcpu-2gb" });
    await detectAll(t.db);
    events = await eventsFor(r.id);
    expect(events.map((e) => e.type)).toEqual(["drift.detected", "drift.resolved"]);
    expect(events[1]!.data).toMatchObject({ drift_id: events[0]!.data.drift_id, resolution: "stale", resolved_by: "detect-drift", field: "size_slug" });

    // Drifting again is a new drift: announced again.
    await setLive(r.id, { sizeSlug: "s-2vcpu-4gb" });
    await detectAll(t.db);
    events = await eventsFor(r.id);
    expect(events.map((e) => e.type)).toEqual(["drift.detected", "drift.resolved", "drift.detected"]);
    expect(events[2]!.data.drift_id).not.toBe(events[0]!.data.drift_id);
  });

  it("announces an accepted drift as resolved, with who accepted it, in the accepting transaction", async () => {
    const r = await createResource(t.db, { sizeSlug: "s-2vcpu-4gb" });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb" }, "saga");
    await detectAll(t.db);
    const [detected] = await eventsFor(r.id);
    await acceptDrift(t.db, detected!.data.drift_id, "ops@example.com");
    const events = await eventsFor(r.id);
    expect(events.map((e) => e.type)).toEqual(["drift.detected", "drift.resolved"]);
    expect(events[1]!.data).toMatchObject({ resolution: "accepted", resolved_by: "ops@example.com", expected: "s-1vcpu-2gb", actual: "s-2vcpu-4gb" });

    // A refused accept (already closed) writes no event.
    await expect(acceptDrift(t.db, detected!.data.drift_id, "ops@example.com")).rejects.toThrow(/already accepted/);
    expect(await eventsFor(r.id)).toHaveLength(2);
  });
});
