import { afterEach, describe, expect, it } from "vitest";
import { demoDestroyedDroplet, demoUnlistedCredit } from "./create-demo-story";
import { type FakeDo, startFakeDo } from "./start-fake-do";

const now = new Date("2026-12-01T22:00:00Z");
let fake: FakeDo | undefined;
afterEach(() => fake?.close());

const get = async (path: string) => (await fetch(`${fake!.url}${path}`, { headers: { authorization: "Bearer t" } })).json();
const names = async () => {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const body = await get(`/v2/droplets?per_page=20&page=${page}`);
    out.push(...body.droplets.map((d: { name: string }) => d.name));
    if (!body.links?.pages?.next) return out;
  }
};

describe("the fake's demo story", () => {
  it("lists the destroyed droplet on the first complete listing only; a partial or tag-filtered listing changes nothing", async () => {
    fake = await startFakeDo({ seed: 1, now, demoStory: true });
    await get("/v2/droplets?per_page=20&page=1");
    await get("/v2/droplets?tag_name=tenant:initech");
    expect(await names()).toContain(demoDestroyedDroplet);
    expect(await names()).not.toContain(demoDestroyedDroplet);
    // Still billed up to now, as a droplet deleted in DO is.
    expect(fake.account.deleted.some((d) => d.kind === "droplets" && (d.resource as { name: string }).name === demoDestroyedDroplet)).toBe(true);
  });

  it("totals one invoice below its lines by a credit only its summary lists; without the story every invoice adds up", async () => {
    fake = await startFakeDo({ seed: 1, now, demoStory: true });
    const { invoices } = fake.billing.listInvoices();
    const off = invoices.filter((i) => i.amountCents !== fake!.billing.getLines(i).reduce((s, l) => s + l.amountCents, 0));
    expect(off.map((i) => [i.period.key, i.amountCents - fake!.billing.getLines(i).reduce((s, l) => s + l.amountCents, 0)])).toEqual([["2026-10", demoUnlistedCredit.cents]]);
    const summary = fake.billing.getSummary(off[0]!);
    const parts = [summary.product_charges, summary.overages, summary.taxes, summary.credits_and_adjustments].map((p) => Math.round(Number(p.amount) * 100));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(off[0]!.amountCents);
    await fake.close();

    fake = await startFakeDo({ seed: 1, now });
    for (const i of fake.billing.listInvoices().invoices) expect(i.amountCents).toBe(fake.billing.getLines(i).reduce((s, l) => s + l.amountCents, 0));
    expect(await names()).toContain(demoDestroyedDroplet);
    expect(await names()).toContain(demoDestroyedDroplet);
  });
});
