import { describe, expect, it } from "vitest";
import { detectAll } from "@/lib/drift/detect-all";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { adminToken, tenantToken } from "@/test/jwt";
import { PUT } from "../provisioned/[resourceId]/route";
import { POST as accept } from "./[id]/accept/route";
import { GET } from "./route";

const getDb = setupAppTestDb();

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}
const putSpec = (resourceId: string, body: unknown, token = adminToken()) =>
  PUT(
    apiRequest(`/api/v1/provisioned/${resourceId}`, { method: "PUT", token, body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    routeParams({ resourceId }),
  ).then(json);
const list = (query = "", token = adminToken()) => GET(apiRequest(`/api/v1/drift${query}`, { token })).then(json);
const acceptOne = (id: string, token = adminToken()) =>
  accept(apiRequest(`/api/v1/drift/${id}/accept`, { method: "POST", token }), routeParams({ id })).then(json);

describe("the drift API", () => {
  it("records a spec, answers the stored record with spec_version, and bumps it only on change", async () => {
    const r = await createResource(getDb().db, { sizeSlug: "s-2vcpu-4gb" });
    const first = await putSpec(r.id, { spec: { size_slug: "s-1vcpu-2gb", region: "syd1" } });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      resource_id: r.id,
      spec: { size_slug: "s-1vcpu-2gb", region: "syd1" },
      spec_version: 1,
      recorded_by: "arcadia-app:user-1",
      recorded_via: "api",
    });
    const same = await putSpec(r.id, { spec: { region: "syd1", size_slug: "s-1vcpu-2gb" } });
    expect(same.body.data.spec_version).toBe(1);
    const changed = await putSpec(r.id, { spec: { size_slug: "s-1vcpu-2gb", region: "syd1", "size.vcpus": 1 } });
    expect(changed.body.data.spec_version).toBe(2);
  });

  it("refuses a bad spec with a 400 naming the problem, an unknown resource with a 404, a tenant with a 403", async () => {
    const r = await createResource(getDb().db);
    const badField = await putSpec(r.id, { spec: { "size slug": "x" } });
    expect(badField.status).toBe(400);
    expect(badField.body.error.code).toBe("invalid_request");
    expect((await putSpec(r.id, { spec: { exists: "yes" } })).status).toBe(400);
    expect((await putSpec(r.id, { spec: ["size_slug"] })).status).toBe(400);
    expect((await putSpec(r.id, { spec: {}, extra: 1 })).status).toBe(400);
    expect((await putSpec("not-a-uuid", { spec: {} })).status).toBe(400);
    const missing = await putSpec("00000000-0000-4000-8000-000000000001", { spec: { region: "syd1" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    expect((await putSpec(r.id, { spec: { region: "syd1" } }, tenantToken())).status).toBe(403);
    expect((await list("", tenantToken())).status).toBe(403);
  });

  it("lists open drift with the contract's fields, filters it, pages it, and accepts it once", async () => {
    const db = getDb().db;
    const web = await createResource(db, { name: "api-web", sizeSlug: "s-2vcpu-4gb", region: "sgp1" });
    const vol = await createResource(db, { kind: "volume", name: "api-vol", region: "sgp1" });
    await putSpec(web.id, { spec: { size_slug: "s-1vcpu-2gb", region: "syd1" } });
    await putSpec(vol.id, { spec: { region: "syd1" } });
    await detectAll(db);

    const all = await list(`?resource=${web.id}`);
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(2);
    const sizeDrift = all.body.data.find((d: any) => d.field === "size_slug");
    expect(sizeDrift).toMatchObject({
      resource_id: web.id,
      field: "size_slug",
      expected: "s-1vcpu-2gb",
      actual: "s-2vcpu-4gb",
      status: "open",
      resource: { name: "api-web", kind: "droplet", region: "sgp1" },
    });
    expect(typeof sizeDrift.id).toBe("string");
    expect(Date.parse(sizeDrift.detected_at)).not.toBeNaN();

    expect((await list("?kind=volume&field=region")).body.data.map((d: any) => d.resource_id)).toEqual([vol.id]);
    const page1 = await list("?limit=1");
    expect(page1.body.data).toHaveLength(1);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await list(`?limit=1&cursor=${page1.body.next_cursor}`);
    expect(page2.body.data[0].id).not.toBe(page1.body.data[0].id);
    expect((await list(`?status=accepted&cursor=${page1.body.next_cursor}`)).status).toBe(400);
    expect((await list("?kind=spaceship")).status).toBe(400);

    const accepted = await acceptOne(sizeDrift.id);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.drift).toMatchObject({ id: sizeDrift.id, status: "accepted", resolved_by: "arcadia-app:user-1" });
    expect(accepted.body.data.provisioned).toMatchObject({ spec: { size_slug: "s-2vcpu-4gb", region: "syd1" }, spec_version: 2 });

    const again = await acceptOne(sizeDrift.id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict" });
    expect(again.body.error.message).toContain("already accepted");
    expect((await acceptOne("00000000-0000-4000-8000-000000000002")).status).toBe(404);
    expect((await acceptOne("nope")).status).toBe(400);

    expect((await list(`?resource=${web.id}`)).body.data.map((d: any) => d.field)).toEqual(["region"]);
    const history = await list(`?status=resolved&resource=${web.id}`);
    expect(history.body.data).toEqual([expect.objectContaining({ id: sizeDrift.id, status: "accepted" })]);
    expect((await list(`?status=accepted&resource=${web.id}`)).body.data).toHaveLength(1);
    expect((await list(`?status=stale&resource=${web.id}`)).body.data).toHaveLength(0);
  });
});
