import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { createDoClient, type DoClient } from "./client";
import { DoApiError } from "./errors";
import examples from "./fixtures/provisioning-examples.json";
import {
  actionResponseSchema,
  assignedResourcesResponseSchema,
  dropletCreateResponseSchema,
  dropletResponseSchema,
  sizesResponseSchema,
  tagResponseSchema,
  volumeResponseSchema,
} from "./provisioning-schemas";

// fixtures/provisioning-examples.json: the spec's examples for these responses, converted from its YAML once.
const cases: [keyof typeof examples, z.ZodType][] = [
  ["droplet_create", dropletCreateResponseSchema],
  ["droplet", dropletResponseSchema],
  ["action", actionResponseSchema],
  ["sizes", sizesResponseSchema],
  ["tag", tagResponseSchema],
  ["assigned_resources", assignedResourcesResponseSchema],
  ["volume", volumeResponseSchema],
];

describe("DO provisioning response schemas", () => {
  it.each(cases)("accept the spec's %s example", (name, schema) => {
    expect(schema.safeParse(examples[name]).error?.issues ?? []).toEqual([]);
  });
});

describe("the DO client's provisioning calls, against the fake DO", () => {
  let fake: FakeDo;
  let client: DoClient;
  beforeAll(async () => {
    fake = await startFakeDo({ seed: 8, droplets: 4, actionDurationMs: 30 });
    client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, maxRetries: 3 });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.faults.clear();
    fake.requests.length = 0;
  });

  const body = { name: "tenant-acme-api-1", region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64", tags: ["tenant:acme", "arcadia-request:x1"] };
  const settle = async (id: number) => {
    for (let i = 0; i < 200; i++) {
      const action = await client.getAction(id);
      if (action.status !== "in-progress") return action;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("action never settled");
  };

  it("creates, follows the action, finds the droplet by tag, tags it, assigns it and deletes it", async () => {
    const { droplet, actionId } = await client.createDroplet(body);
    expect(droplet).toMatchObject({ name: body.name, status: "new" });
    expect((await settle(actionId!)).status).toBe("completed");
    expect((await client.listDropletsByTag("arcadia-request:x1")).map((d) => d.id)).toEqual([droplet.id]);

    await client.tagDroplets("web", [droplet.id]);
    expect((await client.getDroplet(droplet.id))?.tags).toEqual(["tenant:acme", "arcadia-request:x1", "web"]);
    await client.untagDroplets("arcadia-request:x1", [droplet.id]);
    expect((await client.getDroplet(droplet.id))?.tags).toEqual(["tenant:acme", "web"]);
    const project = fake.account.projects[0]!;
    expect(await client.assignToProject(project.id, [`do:droplet:${droplet.id}`])).toContainEqual(expect.objectContaining({ urn: `do:droplet:${droplet.id}` }));

    const off = await client.postDropletAction(droplet.id, { type: "power_off" });
    await settle(off.id);
    const resize = await client.postDropletAction(droplet.id, { type: "resize", size: "s-2vcpu-4gb", disk: true });
    expect((await settle(resize.id)).status).toBe("completed");
    expect((await client.getDroplet(droplet.id))?.size_slug).toBe("s-2vcpu-4gb");

    expect(await client.deleteDroplet(droplet.id)).toBe(true);
    expect(await client.deleteDroplet(droplet.id)).toBe(false);
    expect(await client.getDroplet(droplet.id)).toBeNull();
    expect((await client.listSizes()).find((s) => s.slug === "s-2vcpu-4gb")).toMatchObject({ price_monthly: 24 });
  });

  it("never retries a create DO may have acted on (a 5xx), but does retry a 429, which DO refused unread", async () => {
    fake.faults.set("/v2/droplets", { type: "error", status: 500, method: "POST", times: 5 });
    const failed = await client.createDroplet({ ...body, name: "tenant-acme-api-2" }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DoApiError);
    expect((failed as DoApiError).status).toBe(500);
    expect((failed as DoApiError).message).toContain("POST /v2/droplets");
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/droplets")).toHaveLength(1);

    fake.faults.clear();
    fake.requests.length = 0;
    fake.faults.set("/v2/droplets", { type: "rate_limit", retryAfter: 0, method: "POST" });
    await client.createDroplet({ ...body, name: "tenant-acme-api-3" });
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/droplets").map((r) => r.status)).toEqual([429, 202]);
  });

  it("refuses a resize of a droplet that is on with DO's 422, unretried", async () => {
    const { droplet, actionId } = await client.createDroplet({ ...body, name: "tenant-acme-api-4" });
    await settle(actionId!);
    const refused = await client.postDropletAction(droplet.id, { type: "resize", size: "s-2vcpu-4gb", disk: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, doId: "unprocessable_entity" });
  });

  it("creates a volume, finds it by name and region, and deletes it (already gone: false)", async () => {
    const volume = await client.createVolume({ name: "arcadia-client-vol", region: "syd1", size_gigabytes: 20, tags: ["tenant:acme"] });
    expect(volume).toMatchObject({ name: "arcadia-client-vol", size_gigabytes: 20, tags: ["tenant:acme"] });
    expect((await client.findVolume("arcadia-client-vol", "syd1"))?.id).toBe(volume.id);
    expect(await client.findVolume("arcadia-client-vol", "nyc3")).toBeNull();
    expect(await client.deleteVolume(volume.id)).toBe(true);
    expect(await client.deleteVolume(volume.id)).toBe(false);
  });

  it("retries a DELETE after a 5xx: deleting is idempotent", async () => {
    const { droplet } = await client.createDroplet({ ...body, name: "tenant-acme-api-5" });
    fake.faults.set(`/v2/droplets/${droplet.id}`, { type: "error", status: 503, method: "DELETE" });
    expect(await client.deleteDroplet(droplet.id)).toBe(true);
    expect(fake.requests.filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([503, 204]);
  });
});
