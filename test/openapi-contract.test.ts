import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertFxRate } from "@/lib/billing/fx-rates";
import { upsertSubscription } from "@/lib/billing/subscriptions";
import { upsertTenant } from "@/lib/billing/tenants";
import { createBudget } from "@/lib/budgets/manage-budgets";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import { createDoClient } from "@/lib/digitalocean/client";
import { listResources } from "@/lib/inventory/list-resources";
import { findJob } from "@/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import { listApiRouteFiles } from "@/test/api-routes";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { startFakeDo } from "@/test/fake-do";
import { adminToken } from "@/test/jwt";
import { seedWebhookDelivery } from "@/test/notification-factories";
import { provisioningDeps, seedProvisioningRequest } from "@/test/provisioning-factories";
import { runRequestInProcess } from "@/lib/provisioning/run-in-process";

const getDb = setupAppTestDb();

/** Extra query strings worth checking per operation, beyond the call with no query at all. */
const variants: Record<string, string[]> = {
  getMargin: ["group_by=tenant", "group_by=plan", "group_by=month&allocate_shared=true"],
  listDrift: ["status=resolved"],
  listCostLines: ["matched=false", "line_type=tax"],
  getCosts: ["group_by=tenant&group_by2=resource", "group_by=product&group_by2=category"],
  listInventory: ["include_deleted=true&sort=last_seen_at&dir=desc"],
};

/**
 * The contract arcadia-app codes against: every documented GET, called with a valid admin token on data the real
 * jobs produced from the fake DO account, answers 200 with a body the published document's schema accepts.
 */
describe("every documented GET answers what the OpenAPI document says", () => {
  const doc = buildOpenApiDocument(apiOperations, { version: "test" }) as any;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);

  beforeAll(async () => {
    const { db } = getDb();
    const fake = await startFakeDo({ seed: 21, droplets: 30, invoicesMonths: 3, now: new Date() });
    const client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1 });
    const deps = { db, doClient: () => client };
    await seedStarterCatalog(db);
    for (const name of ["sync-inventory", "snapshot-balance", "discover-invoices"]) {
      const job = findJob(name)!;
      await runJob(db, { job: name, trigger: "cli" }, (ctx) => job.run(deps, job.args.parse({}), ctx));
    }
    const [droplet] = (await listResources(db, { kind: "droplet", sort: "name", dir: "asc", limit: 1 })).data;
    await recordProvisioned(db, droplet!.id, { size_slug: "s-8vcpu-16gb", region: droplet!.region }, "contract-test");
    await upsertTenant(db, "acme", { name: "Acme" });
    await createBudget(db, { name: "Acme", scope: { type: "tenant", id: "acme" }, amount: 100, thresholds: [50, 100] }, "contract-test");
    await upsertSubscription(db, "sub-acme-1", { tenant_id: "acme", plan_code: "studio", status: "active", started_at: "2026-01-01T00:00:00Z" });
    await upsertFxRate(db, { base: "USD", quote: "AUD", rate: "1.52", effective_from: "2020-01-01" }, null);
    for (const name of ["detect-drift", "meter-usage"]) {
      const job = findJob(name)!;
      await runJob(db, { job: name, trigger: "cli" }, (ctx) => job.run(deps, job.args.parse({}), ctx));
    }
    await seedWebhookDelivery(db, { endpointId: listApiRouteFiles().find((r) => r.apiPath.endsWith("{id}/deliveries"))!.sampleParams.id });
    // A provisioning request carried out by its saga against the fake DO, under the id the sample path names.
    const requestId = listApiRouteFiles().find((r) => r.apiPath === "/api/v1/provisioning/requests/{id}")!.sampleParams.id!;
    await seedProvisioningRequest(db, { id: requestId, tenantId: "acme", status: "queued" });
    expect(await runRequestInProcess(provisioningDeps(db, fake.url), requestId)).toBe("succeeded");
    await fake.close();
  }, 180_000);

  const gets = apiOperations.filter((op) => op.method === "GET");
  it("covers the GET operations", () => expect(gets.length).toBeGreaterThanOrEqual(10));

  for (const op of gets) {
    it(`${op.operationId}: GET ${op.path}`, async () => {
      const route = listApiRouteFiles().find((r) => r.apiPath === op.path)!;
      const handler = ((await import(/* @vite-ignore */ route.file)) as Record<string, (req: unknown, ctx: unknown) => Promise<Response>>).GET!;
      const schema = doc.paths[op.path].get.responses["200"].content["application/json"].schema;
      const validate = ajv.compile(schema);
      for (const qs of ["", ...(variants[op.operationId] ?? [])]) {
        const res = await handler(apiRequest(`${route.samplePath}${qs ? `?${qs}` : ""}`, { token: adminToken() }), routeParams(route.sampleParams));
        const body = await res.json();
        expect(res.status, `${op.operationId}?${qs}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
        const valid = validate(body);
        expect(validate.errors ?? [], `${op.operationId}?${qs}`).toEqual([]);
        expect(valid).toBe(true);
        if (op.list && qs === "") expect((body as { data: unknown[] }).data.length, `${op.operationId} returns data`).toBeGreaterThan(0);
      }
    });
  }
});
