import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { createDoClient, type DoRequestEvent } from "./client";
import { DoSchemaError } from "./errors";
import examples from "./fixtures/spec-examples.json";
import { metricsResponseSchema } from "./metrics-schema";

let fake: FakeDo;
const start = new Date("2026-05-14T00:00:00Z");
const end = new Date("2026-05-15T00:00:00Z");

beforeAll(async () => {
  fake = await startFakeDo({ seed: 9, droplets: 5, now: new Date("2026-05-15T12:00:00Z") });
});
afterAll(() => fake.close());

describe("getDropletBandwidth", () => {
  it("accepts the spec's example response", () => {
    const parsed = metricsResponseSchema.parse(examples.droplet_bandwidth);
    expect(parsed.data.result[0]?.values[0]).toEqual([1634052360, 0.016600450090265357]);
  });

  it("asks for one droplet's public outbound series with start and end in unix seconds, and returns numeric samples", async () => {
    const events: DoRequestEvent[] = [];
    const client = createDoClient({ token: "t", baseUrl: fake.url, onRequest: (e) => events.push(e) });
    const droplet = fake.addDroplet({ name: "bw-1", createdAt: "2026-05-01T00:00:00Z" });
    fake.setBandwidth(droplet.id, (t) => (t % 600 === 0 ? 4 : 2));
    const samples = await client.getDropletBandwidth({ hostId: droplet.id, interface: "public", direction: "outbound", start, end });
    expect(fake.requests.at(-1)).toMatchObject({
      path: "/v2/monitoring/metrics/droplet/bandwidth",
      query: { host_id: String(droplet.id), interface: "public", direction: "outbound", start: "1778716800", end: "1778803200" },
    });
    expect(samples).toHaveLength(289);
    expect(samples.slice(0, 3)).toEqual([
      [1778716800, 4],
      [1778717100, 2],
      [1778717400, 4],
    ]);
    // The budget DO reports travels with the request event, for pacing.
    expect(events.at(-1)?.rateLimit).toMatchObject({ remaining: expect.any(Number), resetAtMs: expect.any(Number) });
  });

  it("fails loudly on a body that is not DO's metrics shape", async () => {
    const client = createDoClient({ token: "t", baseUrl: fake.url, maxRetries: 0 });
    const error = await client.request("/v2/account", metricsResponseSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoSchemaError);
  });
});
