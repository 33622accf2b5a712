import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planItems, planVersions } from "@/db/schema/catalog";
import { ApiError } from "@/lib/http/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { createCatalogPlan } from "@/test/catalog-factories";
import { activeVersion } from "./active-version";
import { getPlanDetail } from "./plans";
import { publishVersion } from "./publish-version";
import { createDraftVersion, deleteDraftVersion, updateDraftVersion } from "./versions";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, "expected a rejection").toBeInstanceOf(Error);
  return e as Error;
};

describe("publishVersion", () => {
  it("retires the active version and activates the draft in one step; a new signup then gets the new price", async () => {
    const plan = await createCatalogPlan(t.db, { basePriceCents: 5000 });
    const draft = await createDraftVersion(t.db, plan.code);
    expect(draft).toMatchObject({ version: 2, status: "draft", base_price_cents: 5000 });
    await updateDraftVersion(t.db, draft.id, { base_price_cents: 5500, currency: "AUD", items: draft.items });

    const result = await publishVersion(t.db, draft.id, "ops@example.com");
    expect(result).toMatchObject({ plan_code: plan.code, version: 2, retired_version: 1 });

    const detail = await getPlanDetail(t.db, plan.code);
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [2, "active"],
      [1, "retired"],
    ]);
    expect(detail.versions[0]).toMatchObject({ published_by: "ops@example.com", retired_at: null });
    expect(detail.versions[1]!.retired_at).not.toBeNull();
    expect((await activeVersion(t.db, plan.code))?.base_price_cents).toBe(5500);
  });

  it("refuses to edit, delete or republish an active or retired version, with a clear error", async () => {
    const plan = await createCatalogPlan(t.db);
    const draft = await createDraftVersion(t.db, plan.code);
    await publishVersion(t.db, draft.id, null);
    const [v1, v2] = [...(await getPlanDetail(t.db, plan.code)).versions].reverse();
    for (const v of [v1!, v2!]) {
      const edit = await rejection(updateDraftVersion(t.db, v.id, { base_price_cents: 1, currency: "AUD", items: [] }));
      expect(edit).toBeInstanceOf(ApiError);
      expect(edit).toMatchObject({ code: "conflict" });
      expect(edit.message).toMatch(new RegExp(`Version ${v.version} of ${plan.code} is (active|retired), so it cannot be edited`));
      expect((await rejection(deleteDraftVersion(t.db, v.id))).message).toMatch(/cannot be deleted/);
      expect((await rejection(publishVersion(t.db, v.id, null))).message).toMatch(/only a draft can be published/);
    }
    expect((await activeVersion(t.db, plan.code))?.version).toBe(2);
  });

  it("the database itself refuses to rewrite a published version or its items", async () => {
    const plan = await createCatalogPlan(t.db);
    const active = (await getPlanDetail(t.db, plan.code)).active!;
    const priceChange = await rejection(t.db.update(planVersions).set({ basePriceCents: 1 }).where(eq(planVersions.id, active.id)));
    expect(String(priceChange.cause ?? priceChange)).toMatch(/published versions cannot be changed/);
    const itemChange = await rejection(t.db.update(planItems).set({ includedQty: 1 }).where(eq(planItems.versionId, active.id)));
    expect(String(itemChange.cause ?? itemChange)).toMatch(/cannot be changed/);
    await rejection(t.db.delete(planVersions).where(eq(planVersions.id, active.id)));
    await rejection(t.db.execute(sql`update plan_versions set status = 'draft', published_at = null where id = ${active.id}`));
  });

  it("keeps one draft per plan and deletes a draft with its items", async () => {
    const plan = await createCatalogPlan(t.db);
    const draft = await createDraftVersion(t.db, plan.code);
    const second = await rejection(createDraftVersion(t.db, plan.code));
    expect(second).toMatchObject({ code: "conflict" });
    expect(second.message).toMatch(/already has a draft \(version 2\)/);
    expect(await deleteDraftVersion(t.db, draft.id)).toEqual({ plan_code: plan.code, version: 2 });
    expect(await t.db.select().from(planItems).where(eq(planItems.versionId, draft.id))).toEqual([]);
    // The number is reused: no subscription could ever have bound to a deleted draft.
    expect((await createDraftVersion(t.db, plan.code)).version).toBe(2);
  });

  it("two racing publishes of a draft leave exactly one active version and one clear failure", async () => {
    for (let round = 0; round < 3; round++) {
      const plan = await createCatalogPlan(t.db);
      const draft = await createDraftVersion(t.db, plan.code);
      const results = await Promise.allSettled([publishVersion(t.db, draft.id, "a"), publishVersion(t.db, draft.id, "b")]);
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(failures).toHaveLength(1);
      expect(failures[0]!.reason).toBeInstanceOf(ApiError);
      expect(failures[0]!.reason).toMatchObject({ code: "conflict" });
      expect(failures[0]!.reason.message).toMatch(/is already active/);
      const versions = await t.db.select().from(planVersions).where(eq(planVersions.planId, plan.id));
      expect(versions.filter((v) => v.status === "active").map((v) => v.version)).toEqual([2]);
      expect(versions.filter((v) => v.status === "retired").map((v) => v.version)).toEqual([1]);
    }
  });

  it("two racing 'new draft' clicks leave one draft and one clear failure", async () => {
    const plan = await createCatalogPlan(t.db);
    const results = await Promise.allSettled([createDraftVersion(t.db, plan.code), createDraftVersion(t.db, plan.code)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure?.reason).toMatchObject({ code: "conflict" });
    const drafts = (await getPlanDetail(t.db, plan.code)).versions.filter((v) => v.status === "draft");
    expect(drafts).toHaveLength(1);
  });

  it("answers not_found for a version that does not exist", async () => {
    const e = await rejection(publishVersion(t.db, "00000000-0000-4000-8000-000000000000", null));
    expect(e).toMatchObject({ code: "not_found" });
  });
});
