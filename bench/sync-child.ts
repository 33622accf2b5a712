// Child process for the sync benchmark, so its peak RSS is the sync's own: `sync` runs a full inventory sync into
// DATABASE_URL; `fetch` only lists and parses the same kinds (no database). Prints one JSON line.
import { createDbHandle } from "@/db/client";
import { createDoClient } from "@/lib/digitalocean/client";
import { fetchProjectMap, kindSources, syncableKinds } from "@/lib/inventory/sync/sources";
import { syncInventory } from "@/lib/inventory/sync/sync-inventory";

const [mode, baseUrl, databaseUrl] = process.argv.slice(2);
const client = createDoClient({ token: "bench", baseUrl: baseUrl! });
const started = performance.now();
const cpuAtStart = process.cpuUsage(); // the sync's own CPU, not the process start-up's
let counts: Record<string, number> | undefined;
if (mode === "fetch") {
  let items = 0;
  // The same requests the sync makes: the project listings and every kind's listing.
  items += (await fetchProjectMap(client)).size;
  for (const kind of syncableKinds({})) for await (const page of kindSources[kind]({ doClient: client })) items += page.length;
  counts = { items };
} else {
  const handle = createDbHandle({ databaseUrl, maxConnections: 4 });
  counts = (await syncInventory(handle.db, client, { kinds: [], refreshProjects: true, trigger: "cli" })).counts;
  await handle.close();
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, counts, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
