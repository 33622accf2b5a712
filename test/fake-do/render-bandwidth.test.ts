import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDo, startFakeDo } from "./index";
import { stepSeconds } from "./render-bandwidth";

let fake: FakeDo;
const auth = { authorization: "Bearer anything" };
const day = Date.parse("2026-05-14T00:00:00Z") / 1000;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 5, droplets: 30, now: new Date("2026-05-15T12:00:00Z") });
});
afterAll(() => fake.close());

async function bandwidth(params: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries({ interface: "public", direction: "outbound", ...params }).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${fake.url}/v2/monitoring/metrics/droplet/bandwidth?${query}`, { headers: auth });
  return { status: res.status, body: await res.json() };
}
const values = (body: { data: { result: { values: [number, string][] }[] } }) => body.data.result[0]?.values ?? [];

describe("fake DO: droplet bandwidth series", () => {
  it("answers DO's matrix shape with Mbps strings at step-aligned instants: a day at 5-minute steps", async () => {
    const droplet = fake.account.droplets.find((d) => d.status === "active" && Date.parse(d.created_at) / 1000 < day)!;
    const { status, body } = await bandwidth({ host_id: droplet.id, start: day, end: day + 86_400 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "success", data: { resultType: "matrix", result: [{ metric: { host_id: String(droplet.id), interface: "public", direction: "outbound" } }] } });
    const series = values(body);
    expect(series).toHaveLength(289);
    expect(series.every(([t, v], i) => t === day + i * 300 && typeof v === "string" && Number(v) > 0)).toBe(true);
    expect(stepSeconds(3600)).toBe(60);
    expect(stepSeconds(30 * 86_400)).toBe(8_640);
  });

  it("follows a daily cycle: the Australian afternoon carries more than the small hours, summed over the fleet", async () => {
    const active = fake.account.droplets.filter((d) => d.status === "active");
    let afternoon = 0;
    let night = 0;
    for (const d of active) {
      const series = values((await bandwidth({ host_id: d.id, start: day, end: day + 86_400 })).body);
      for (const [t, v] of series) {
        const hourUtc = ((t - day) / 3600) % 24;
        if (hourUtc >= 4 && hourUtc < 7) afternoon += Number(v); // 14:00–17:00 in Sydney
        if (hourUtc >= 16 && hourUtc < 19) night += Number(v); // 02:00–05:00
      }
    }
    expect(afternoon).toBeGreaterThan(night * 1.5);
  });

  it("serves nothing before the droplet existed, nothing for an unknown host, and programmed rates when set", async () => {
    const created = fake.addDroplet({ name: "tenant-acme-bw", tags: ["tenant:acme"], createdAt: "2026-05-14T12:00:00Z" });
    const half = values((await bandwidth({ host_id: created.id, start: day, end: day + 86_400 })).body);
    expect(half[0]?.[0]).toBe(day + 43_200);
    expect((await bandwidth({ host_id: 999_999_999, start: day, end: day + 86_400 })).body.data.result).toEqual([]);
    fake.setBandwidth(created.id, 8);
    expect(values((await bandwidth({ host_id: created.id, start: day, end: day + 86_400 })).body).every(([, v]) => v === "8")).toBe(true);
  });

  it("keeps a deleted droplet's history up to its deletion", async () => {
    const victim = fake.addDroplet({ name: "tenant-acme-gone", createdAt: "2026-05-01T00:00:00Z" });
    fake.removeResource("droplets", victim.id);
    const deletedAt = Date.parse(fake.account.deleted.at(-1)!.deletedAt) / 1000;
    const series = values((await bandwidth({ host_id: victim.id, start: deletedAt - 3600, end: deletedAt + 3600 })).body);
    expect(series.length).toBeGreaterThan(0);
    expect(series.every(([t]) => t <= deletedAt)).toBe(true);
  });

  it("rejects a query without the required parameters with DO's 400", async () => {
    expect((await bandwidth({ host_id: 1, start: day })).status).toBe(400);
    expect((await bandwidth({ host_id: 1, start: day, end: day + 60, interface: "wifi" })).status).toBe(400);
    expect((await bandwidth({ start: day, end: day + 60 })).body).toMatchObject({ id: "bad_request" });
  });
});
