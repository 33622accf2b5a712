import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeDo, startFakeDo } from "./index";

// DO's write side as the fake serves it, checked over HTTP with plain fetch (not our client), against the spec's
// shapes: create 202 + links.actions, actions 201, GET /v2/actions/{id}, DELETE 204, tags, project assignment.

let fake: FakeDo;
const actionMs = 250;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 5, droplets: 6, now: new Date("2026-05-15T12:00:00Z"), actionDurationMs: actionMs });
});
afterAll(() => fake.close());
afterEach(() => fake.faults.clear());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: "Bearer t", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const create = (name: string, extra: Record<string, unknown> = {}) =>
  call("POST", "/v2/droplets", { name, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64", tags: ["arcadia-request:r1"], ...extra });

async function waitFor(actionId: number) {
  for (let i = 0; i < 400; i++) {
    const { json } = await call("GET", `/v2/actions/${actionId}`);
    if (json.action.status !== "in-progress") return json.action;
    await pause(15);
  }
  throw new Error(`action ${actionId} never finished`);
}

describe("fake DO: creating droplets", () => {
  it("answers 202 with the new droplet and its create action, which completes and makes the droplet active", async () => {
    const { status, json } = await create("tenant-acme-web-1");
    expect(status).toBe(202);
    expect(json.droplet).toMatchObject({ name: "tenant-acme-web-1", status: "new", size_slug: "s-1vcpu-1gb", region: { slug: "syd1" }, tags: ["arcadia-request:r1"] });
    const [link] = json.links.actions;
    expect(link).toEqual({ id: expect.any(Number), rel: "create", href: `${fake.url}/v2/actions/${link.id}` });

    const started = await call("GET", `/v2/actions/${link.id}`);
    expect(started.json.action).toMatchObject({ id: link.id, status: "in-progress", type: "create", resource_id: json.droplet.id, resource_type: "droplet", completed_at: null, region_slug: "syd1" });
    expect(await waitFor(link.id)).toMatchObject({ status: "completed", completed_at: expect.stringMatching(/Z$/) });
    expect((await call("GET", `/v2/droplets/${json.droplet.id}`)).json.droplet.status).toBe("active");
    const byTag = await call("GET", "/v2/droplets?tag_name=arcadia-request:r1");
    expect(byTag.json.droplets.map((d: { id: number }) => d.id)).toContain(json.droplet.id);
  });

  it("refuses what DO refuses with 422: a bad name, size, region or image", async () => {
    expect((await create("bad name!")).status).toBe(422);
    expect((await create("ok-name", { size: "s-99vcpu" })).json).toMatchObject({ id: "unprocessable_entity", message: expect.stringContaining("s-99vcpu") });
    expect((await create("ok-name", { region: "mars1" })).status).toBe(422);
    expect((await create("ok-name", { image: "windows-95" })).status).toBe(422);
  });

  it("fails a create on a fault for POST only, so listings still work", async () => {
    fake.faults.set("/v2/droplets", { type: "error", status: 500, method: "POST" });
    const before = fake.account.droplets.length;
    expect((await create("tenant-acme-fail-1")).status).toBe(500);
    expect(fake.account.droplets).toHaveLength(before);
    expect((await call("GET", "/v2/droplets")).status).toBe(200);
    expect((await create("tenant-acme-fail-2")).status).toBe(202);
  });

  it("ends an action errored on an errored_action fault, leaving the droplet it made", async () => {
    fake.faults.set("/v2/droplets", { type: "errored_action", method: "POST" });
    const { json } = await create("tenant-acme-err-1");
    expect(await waitFor(json.links.actions[0].id)).toMatchObject({ status: "errored" });
    expect((await call("GET", `/v2/droplets/${json.droplet.id}`)).json.droplet.status).toBe("new");
    // Used up: the next create completes.
    const next = await create("tenant-acme-err-2");
    expect(await waitFor(next.json.links.actions[0].id)).toMatchObject({ status: "completed" });
  });

  it("keeps an action in progress for a slow_action fault's duration", async () => {
    fake.faults.set("/v2/droplets", { type: "slow_action", durationMs: 1500, method: "POST" });
    const { json } = await create("tenant-acme-slow-1");
    await pause(actionMs * 3);
    expect((await call("GET", `/v2/actions/${json.links.actions[0].id}`)).json.action.status).toBe("in-progress");
    expect(await waitFor(json.links.actions[0].id)).toMatchObject({ status: "completed" });
  });
});

describe("fake DO: droplet actions, deletion, tags and projects", () => {
  it("resizes only a powered-off droplet, never shrinks its disk, and powers it back on", async () => {
    const { json } = await create("tenant-acme-resize-1");
    const id = json.droplet.id as number;
    await waitFor(json.links.actions[0].id);

    const whileOn = await call("POST", `/v2/droplets/${id}/actions`, { type: "resize", size: "s-2vcpu-4gb", disk: true });
    expect(whileOn).toMatchObject({ status: 422, json: { id: "unprocessable_entity", message: expect.stringContaining("power it off") } });

    const off = await call("POST", `/v2/droplets/${id}/actions`, { type: "power_off" });
    expect(off).toMatchObject({ status: 201, json: { action: { type: "power_off", status: "in-progress", resource_id: id } } });
    expect((await call("POST", `/v2/droplets/${id}/actions`, { type: "power_on" })).json.message).toBe("Droplet already has a pending event.");
    await waitFor(off.json.action.id);
    expect((await call("GET", `/v2/droplets/${id}`)).json.droplet.status).toBe("off");

    const resize = await call("POST", `/v2/droplets/${id}/actions`, { type: "resize", size: "s-2vcpu-4gb", disk: true });
    expect(resize.status).toBe(201);
    await waitFor(resize.json.action.id);
    expect((await call("GET", `/v2/droplets/${id}`)).json.droplet).toMatchObject({ size_slug: "s-2vcpu-4gb", disk: 80, vcpus: 2 });
    const shrink = await call("POST", `/v2/droplets/${id}/actions`, { type: "resize", size: "s-1vcpu-2gb", disk: true });
    expect(shrink).toMatchObject({ status: 422, json: { message: expect.stringContaining("cannot be decreased") } });

    const on = await call("POST", `/v2/droplets/${id}/actions`, { type: "power_on" });
    await waitFor(on.json.action.id);
    expect((await call("GET", `/v2/droplets/${id}`)).json.droplet.status).toBe("active");
  });

  it("errors a resize on an errored_action fault for resizes, leaving the size as it was", async () => {
    const { json } = await create("tenant-acme-resize-2");
    const id = json.droplet.id as number;
    await waitFor(json.links.actions[0].id);
    await waitFor((await call("POST", `/v2/droplets/${id}/actions`, { type: "power_off" })).json.action.id);
    fake.faults.set(`/v2/droplets/${id}/actions`, { type: "errored_action", actionType: "resize" });
    const resize = await call("POST", `/v2/droplets/${id}/actions`, { type: "resize", size: "s-2vcpu-2gb", disk: true });
    expect(await waitFor(resize.json.action.id)).toMatchObject({ status: "errored" });
    expect((await call("GET", `/v2/droplets/${id}`)).json.droplet.size_slug).toBe("s-1vcpu-1gb");
  });

  it("deletes with 204, after which the droplet is gone", async () => {
    const { json } = await create("tenant-acme-del-1");
    const id = json.droplet.id as number;
    expect(await call("DELETE", `/v2/droplets/${id}`)).toEqual({ status: 204, json: null });
    expect((await call("GET", `/v2/droplets/${id}`)).status).toBe(404);
    expect((await call("DELETE", `/v2/droplets/${id}`)).status).toBe(404);
    expect(fake.account.droplets.some((d) => d.id === id)).toBe(false);
  });

  it("tags a droplet with a created tag (404 for an unknown tag) and assigns it to a project", async () => {
    const { json } = await create("plain-vm-1", { tags: [] });
    const id = json.droplet.id as number;
    const resources = [{ resource_id: String(id), resource_type: "droplet" }];
    expect((await call("POST", "/v2/tags/tenant:acme-new/resources", { resources })).status).toBe(404);
    expect(await call("POST", "/v2/tags", { name: "tenant:acme-new" })).toMatchObject({ status: 201, json: { tag: { name: "tenant:acme-new" } } });
    expect((await call("POST", "/v2/tags/tenant:acme-new/resources", { resources })).status).toBe(204);
    expect((await call("GET", `/v2/droplets/${id}`)).json.droplet.tags).toEqual(["tenant:acme-new"]);

    const project = fake.account.projects.find((p) => !p.is_default)!;
    const assigned = await call("POST", `/v2/projects/${project.id}/resources`, { resources: [`do:droplet:${id}`] });
    expect(assigned.json.resources).toContainEqual(expect.objectContaining({ urn: `do:droplet:${id}`, status: "ok" }));
    const listed = await call("GET", `/v2/projects/${project.id}/resources?per_page=200`);
    expect(listed.json.resources.map((r: { urn: string }) => r.urn)).toContain(`do:droplet:${id}`);
    expect((await call("POST", "/v2/projects/no-such-project/resources", { resources: [`do:droplet:${id}`] })).status).toBe(404);
  });

  it("creates a volume, finds it by name, attaches it at a droplet's create, and deletes it only once detached", async () => {
    const made = await call("POST", "/v2/volumes", { name: "arcadia-vol-1", region: "syd1", size_gigabytes: 50, tags: ["tenant:acme"] });
    expect(made).toMatchObject({ status: 201, json: { volume: { name: "arcadia-vol-1", size_gigabytes: 50, region: { slug: "syd1" }, droplet_ids: [], tags: ["tenant:acme"] } } });
    const id = made.json.volume.id as string;
    expect((await call("POST", "/v2/volumes", { name: "arcadia-vol-1", region: "syd1", size_gigabytes: 5 })).status).toBe(409);
    expect((await call("POST", "/v2/volumes", { name: "Bad_Name", region: "syd1", size_gigabytes: 5 })).status).toBe(400);
    expect((await call("GET", "/v2/volumes?name=arcadia-vol-1&region=syd1")).json.volumes.map((v: { id: string }) => v.id)).toEqual([id]);
    expect((await call("GET", "/v2/volumes?name=arcadia-vol-1&region=nyc3")).json.volumes).toEqual([]);

    expect((await create("tenant-acme-vol-bad", { region: "nyc3", volumes: [id] })).status).toBe(422);
    const { json } = await create("tenant-acme-vol-1", { volumes: [id] });
    expect(json.droplet.volume_ids).toEqual([id]);
    expect((await call("DELETE", `/v2/volumes/${id}`)).status).toBe(409);
    await call("DELETE", `/v2/droplets/${json.droplet.id}`);
    expect((await call("DELETE", `/v2/volumes/${id}`)).status).toBe(204);
    expect((await call("GET", "/v2/volumes?name=arcadia-vol-1")).json.volumes).toEqual([]);
  });

  it("lists sizes with their prices", async () => {
    const { json } = await call("GET", "/v2/sizes?per_page=200");
    expect(json.sizes).toContainEqual(expect.objectContaining({ slug: "s-2vcpu-4gb", price_monthly: 24, disk: 80 }));
    expect(json.meta.total).toBe(json.sizes.length);
  });
});
