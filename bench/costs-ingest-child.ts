// Child process for the ingest benchmark, so its peak RSS is the ingest's own: pairs the JSON items, then streams the
// CSV through replaceInvoiceLines (parse, validate, replace, match) into DATABASE_URL. Prints one JSON line.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { createDbHandle } from "@/db/client";
import { createItemPairer } from "@/lib/costs/pair-invoice-items";
import { replaceInvoiceLines } from "@/lib/costs/replace-invoice-lines";

const [databaseUrl, invoiceId, csvPath, itemsPath] = process.argv.slice(2);
const handle = createDbHandle({ databaseUrl, maxConnections: 2 });
// A first query outside the timing, as a running server's pool would already be connected.
await handle.db.execute(sql`select 1`);
// What node, the TypeScript loader and the modules take before any ingest work: context for the peak.
const baseRssMb = process.resourceUsage().maxRSS / 1024;
const started = performance.now();
const pairer = createItemPairer();
for await (const line of createInterface({ input: createReadStream(itemsPath!) })) if (line) pairer.add(JSON.parse(line));
const paired = performance.now();
const phases: Record<string, number> = {};
const stats = await replaceInvoiceLines(handle.db, {
  invoiceId: invoiceId!,
  csv: createReadStream(csvPath!),
  pairer,
  onPhase: (phase, ms) => {
    phases[phase] = ms;
  },
});
const ms = performance.now() - started;
await handle.close();
console.log(JSON.stringify({ ms, pairMs: paired - started, phases, baseRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024, stats }));
