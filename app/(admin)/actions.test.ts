import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listAllAddons } from "@/lib/catalog/addons";
import { getPlanDetail, listPlanSummaries } from "@/lib/catalog/plans";
import { idleResult } from "@/lib/http/action-result";
import { isAdminAction } from "@/lib/http/admin-action";
import { adminUser as admin, formData as form, thrownDigest as digestOf, setupAdminActionRuntime } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import {
  createAddonAction,
  createDraftAction,
  createPlanAction,
  publishVersionAction,
  saveDraftAction,
  setAddonActiveAction,
  updatePlanDetailsAction,
} from "./catalog/actions";
import { acceptDriftAction } from "./drift/actions";
import { runJobNow } from "./jobs/actions";
import { saveFxRateAction } from "./margin/actions";

// The real server actions against a real database; only the session and the revalidation record stand in for the
// Next runtime (see test/admin-actions.ts).

const getDb = setupAppTestDb();
const { signInAs, revalidated } = setupAdminActionRuntime();

const addon = { code: "act-zones", name: "More zones", resource_kind: "dns_zones", qty: "5", price: "2.50", currency: "AUD" };

describe("admin server actions", () => {
  it("are all built by adminAction, so each checks the session and answers an ActionResult", async () => {
    const dir = path.join(import.meta.dirname);
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "actions.ts");
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) expect(isAdminAction(value), `${file}: ${name}`).toBe(true);
    }
  });

  it("refuse a caller without a session and change nothing", async () => {
    signInAs(null);
    expect(await digestOf(createAddonAction(idleResult, form(addon)))).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
    expect(await digestOf(acceptDriftAction(idleResult, ["00000000-0000-4000-8000-000000000001"]))).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
    expect(await digestOf(runJobNow(idleResult, form({ job: "sync-inventory" })))).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
    expect(await listAllAddons(getDb().db)).toEqual([]);
    expect(revalidated()).toEqual([]);
  });

  it("refuse a tenant's session with 403", async () => {
    signInAs({ ...admin, role: "tenant", tenantId: "t-1" });
    expect(await digestOf(saveFxRateAction(idleResult, form({ base: "USD", quote: "AUD", rate: "1.5", effective_from: "2026-01-01" })))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;403",
    );
  });

  it("send bad input back to the form as field errors, with what was typed", async () => {
    signInAs(admin);
    expect(await createAddonAction(idleResult, form({ ...addon, qty: "0" }))).toEqual({
      status: "error",
      code: "invalid_request",
      fieldErrors: { qty: "The quantity must be at least 1" },
      values: { ...addon, qty: "0" },
    });
    expect(await setAddonActiveAction(idleResult, form({ code: addon.code, active: "maybe" }))).toMatchObject({
      status: "error",
      message: "This form is for an add-on that does not exist.",
    });
    expect(await acceptDriftAction(idleResult, [])).toMatchObject({ status: "error", message: "Select between 1 and 500 drifts to accept." });
    expect(await runJobNow(idleResult, form({ job: "sync-inventory", args: "{nope" }))).toMatchObject({
      status: "error",
      message: "Job arguments are not valid JSON.",
    });
  });

  it("save, answer the success message and revalidate the pages that show it", async () => {
    signInAs(admin);
    expect(await createAddonAction(idleResult, form(addon))).toEqual({ status: "ok", message: "Add-on act-zones created." });
    expect(revalidated()).toEqual(["/catalog/addons", "/plans"]);
    expect((await listAllAddons(getDb().db)).map((a) => a.code)).toEqual(["act-zones"]);
    expect(await setAddonActiveAction(idleResult, form({ code: addon.code, active: "false" }))).toEqual({ status: "ok" });
  });

  it("name a saved rate's day as every page does, not as its ISO value", async () => {
    signInAs(admin);
    expect(await saveFxRateAction(idleResult, form({ base: "USD", quote: "AUD", rate: "1.5", effective_from: "2024-05-27" }))).toMatchObject({
      status: "ok",
      message: "Saved: 1 USD = 1.50000000 AUD from 27 May 2024.",
    });
  });

  it("turn a refusal by the domain into its message and the field it names", async () => {
    signInAs(admin);
    expect(await createAddonAction(idleResult, form(addon))).toEqual({
      status: "error",
      code: "conflict",
      message: 'An add-on with the code "act-zones" already exists',
      fieldErrors: { code: "This code is taken" },
      values: addon,
    });
    expect(await setAddonActiveAction(idleResult, form({ code: "act-none", active: "true" }))).toMatchObject({
      status: "error",
      message: 'There is no add-on with the code "act-none"',
    });
    expect(await runJobNow(idleResult, form({ job: "no-such-job" }))).toMatchObject({ status: "error", message: "No job named no-such-job" });
  });

  it("word a drift refusal for the inbox and refresh it", async () => {
    signInAs(admin);
    const result = await acceptDriftAction(idleResult, ["00000000-0000-4000-8000-000000000001"]);
    expect(result).toMatchObject({ status: "error", code: "not_found" });
    expect(result.message).toMatch(/^Nothing was accepted\. .+\. The inbox has been refreshed\.$/);
    expect(revalidated()).toEqual(["/ (layout)"]);
  });

  it("take a plan from creation to publication, each step redirecting or answering as the editor expects", async () => {
    signInAs(admin);
    const plan = { code: "act-team", name: "Team", description: "", base_price: "80", currency: "AUD" };
    expect(await digestOf(createPlanAction(idleResult, form(plan)))).toMatch(/^NEXT_REDIRECT;\w+;\/catalog\/act-team\/versions\/1;/);
    expect(revalidated()).toEqual(["/catalog", "/plans", "/catalog/act-team (layout)"]);
    expect((await listPlanSummaries(getDb().db)).map((p) => p.code)).toEqual(["act-team"]);

    const details = { plan_code: "act-team", name: "Team plan", description: "For teams" };
    expect(await updatePlanDetailsAction(idleResult, form(details))).toEqual({ status: "ok", message: "Plan details saved.", values: details });
    expect(await updatePlanDetailsAction(idleResult, form({ ...details, plan_code: "Not A Code", name: "" }))).toMatchObject({
      status: "error",
      message: "This form is for a plan that does not exist.",
      fieldErrors: { name: "Give the plan a name" },
    });

    const draft = (await getPlanDetail(getDb().db, "act-team")).draft!;
    const version = { plan_code: "act-team", version_id: draft.id, base_price: "90", currency: "AUD" };
    const badItem = { "items.llm_tokens.enabled": "on", "items.llm_tokens.included_qty": "lots", "items.llm_tokens.overage_unit": "1M tokens", "items.llm_tokens.overage_price": "3" };
    expect(await saveDraftAction(idleResult, form({ ...version, ...badItem }))).toMatchObject({
      status: "error",
      fieldErrors: { "items.llm_tokens.included_qty": "Enter a whole number, such as 2,000,000" },
    });
    expect(await saveDraftAction(idleResult, form(version))).toMatchObject({ status: "ok", message: "Draft saved." });
    expect((await getPlanDetail(getDb().db, "act-team")).draft?.base_price_cents).toBe(9000);

    expect(await digestOf(publishVersionAction(idleResult, form({ version_id: draft.id })))).toMatch(/^NEXT_REDIRECT;\w+;\/catalog\/act-team\?published=1;/);
    expect(await publishVersionAction(idleResult, form({ version_id: draft.id }))).toMatchObject({ status: "error", code: "conflict" });
    expect(await digestOf(createDraftAction(idleResult, form({ plan_code: "act-team", base_price: "95", currency: "AUD" })))).toMatch(
      /^NEXT_REDIRECT;\w+;\/catalog\/act-team\/versions\/2;/,
    );
  });
});
