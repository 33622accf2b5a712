import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

// The ingest benchmark's account: 20,000 resources (some tombstoned) and a 100,000-line invoice whose lines mostly
// pay for them, half of them carrying DO's id in the JSON items, with the CSV quirks the parser must handle.

export const benchResources = 20_000;
export const benchLines = 100_000;
const WINDOW = "2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000";
const ISO = { start: "2026-04-01T00:00:00Z", end: "2026-05-01T00:00:00Z" };

const pad = (n: number) => String(n).padStart(6, "0");
const dollars = (cents: number) => {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `${sign}$${whole}.${String(abs % 100).padStart(2, "0")}`;
  return text.includes(",") ? `"${text}"` : text;
};

/** 14,000 droplets (2,000 of them deleted), 4,000 volumes, 2,000 snapshots; provider ids `d-…`, `v-…`, `s-…`. */
export async function seedBenchResources(db: Db): Promise<void> {
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, size_slug, status, deleted_at)
    select 'droplet', 'd-' || i, 'bench-vm-' || lpad(i::text, 6, '0'), 's-1vcpu-1gb', 'active',
           case when i % 7 = 0 then now() - interval '40 days' end
    from generate_series(1, 14000) as i`);
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, status)
    select 'volume', 'v-' || i, 'bench-vol-' || lpad(i::text, 6, '0'), 'available' from generate_series(1, 4000) as i`);
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, status)
    select 'snapshot', 's-' || i, 'bench-snap-' || lpad(i::text, 6, '0'), 'available' from generate_series(1, 2000) as i`);
  await db.execute(sql`analyze cloud_resources`);
}

/**
 * Writes the invoice CSV (CRLF, a BOM, quoted fields, thousands separators, credits, taxes) and its JSON items as
 * JSON lines of 200 items, the page size DO serves. Returns DO's total for the invoice in cents.
 */
export async function writeBenchInvoice(csvPath: string, itemsPath: string): Promise<number> {
  const csv = createWriteStream(csvPath);
  const items = createWriteStream(itemsPath);
  let page: Record<string, string>[] = [];
  let total = 0;
  const write = async (stream: ReturnType<typeof createWriteStream>, text: string) => {
    if (!stream.write(text)) await once(stream, "drain");
  };
  await write(csv, "\uFEFFproduct,group_description,description,hours,start,end,USD,project_name,category\r\n");
  for (let i = 0; i < benchLines; i++) {
    const r = i % 100;
    let product: string;
    let description: string;
    let cents: number;
    let id: string | undefined;
    // 16,000 droplet numbers for 14,000 droplets: the rest were deleted before any sync saw them.
    const droplet = 1 + (i % 16_000);
    if (r < 55) [product, description, cents, id] = ["Droplets", `bench-vm-${pad(droplet)} (s-1vcpu-1gb)`, 600 + (i % 5000) * 37, `d-${droplet}`];
    else if (r < 65) [product, description, cents, id] = ["Droplet Backups", `bench-vm-${pad(droplet)} (s-1vcpu-1gb)`, 120, `d-${droplet}`];
    else if (r < 82) [product, description, cents, id] = ["Volumes", `bench-vol-${pad(1 + (i % 4000))} (100 GiB)`, 1000, `v-${1 + (i % 4000)}`];
    else if (r < 90) [product, description, cents, id] = ["Snapshots", `bench-snap-${pad(1 + (i % 2000))} (2.1 GiB)`, 13, `s-${1 + (i % 2000)}`];
    else if (r < 95) [product, description, cents] = ["Spaces Overage", `"Spaces transfer overage, region ${i % 9} (40 GiB)"`, 40];
    else if (r < 98) [product, description, cents] = ["Credits", "Promotional credit", -500];
    else [product, description, cents] = ["Taxes", "Australian GST", 102];
    total += cents;
    const hours = product === "Taxes" || product === "Credits" || product === "Spaces Overage" ? "" : "720";
    const project = product === "Taxes" ? "" : `project-${i % 20}`;
    await write(csv, `${product},,${description},${hours},${WINDOW},${dollars(cents)},${project},iaas\r\n`);
    // DO's JSON items carry ids for half of the resource lines; the other half are matched by name.
    if (id && i % 2 === 0) {
      const plain = description.startsWith('"') ? JSON.parse(description) : description;
      page.push({ product, description: plain, amount: (cents / 100).toFixed(2), start_time: ISO.start, end_time: ISO.end, resource_id: id });
      if (page.length === 200) {
        await write(items, `${JSON.stringify(page)}\n`);
        page = [];
      }
    }
  }
  if (page.length) await write(items, `${JSON.stringify(page)}\n`);
  csv.end();
  items.end();
  await Promise.all([once(csv, "finish"), once(items, "finish")]);
  return total;
}
