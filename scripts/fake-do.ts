// Runs the fake DigitalOcean API for the demo, benchmarks and manual testing:
//   tsx scripts/fake-do.ts --port 4010 --droplets 10000 --volumes 5000 --snapshots 5000 --seed 1
//   tsx scripts/fake-do.ts --port 4010 --demo-story   (npm run demo and e2e: the demo account with its events)
// Point DO_API_URL at the printed URL; any non-empty token works unless --token is given.
import { parseArgs } from "node:util";
import { defaultAccountSizes, startFakeDo } from "../test/fake-do";
import type { AccountSizes } from "../test/fake-do/types";

const sizeFlags = Object.keys(defaultAccountSizes) as (keyof AccountSizes)[];
const toFlag = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string", default: "1" },
    token: { type: "string" },
    now: { type: "string" },
    "demo-story": { type: "boolean" },
    help: { type: "boolean", short: "h" },
    ...Object.fromEntries(sizeFlags.map((key) => [toFlag(key), { type: "string" as const }])),
  },
});

if (values.help) {
  console.log(
    `Usage: tsx scripts/fake-do.ts [--port 4010] [--host 127.0.0.1] [--seed 1] [--token T] [--now ISO-DATE] [--demo-story]\n` +
      "  --demo-story: the demo's events (a droplet destroyed after the first sync, an invoice off its lines) and its\n" +
      "    webhook receiver, POST /demo/webhook-receiver (204 to a Standard Webhooks delivery)\n" +
      sizeFlags.map((key) => `  --${toFlag(key)} N (default ${defaultAccountSizes[key]})`).join("\n"),
  );
  process.exit(0);
}

function toInt(name: string, raw: unknown): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer, got ${String(raw)}`);
    process.exit(2);
  }
  return value;
}

const sizes: Partial<AccountSizes> = {};
for (const key of sizeFlags) {
  const raw = (values as Record<string, unknown>)[toFlag(key)];
  if (raw !== undefined) sizes[key] = toInt(toFlag(key), raw);
}

const now = values.now ? new Date(values.now) : undefined;
if (now && Number.isNaN(now.getTime())) {
  console.error(`--now must be an ISO date, got ${values.now}`);
  process.exit(2);
}

const started = performance.now();
const fake = await startFakeDo({
  ...sizes,
  port: toInt("port", values.port),
  host: values.host,
  seed: toInt("seed", values.seed),
  token: values.token,
  now,
  demoStory: values["demo-story"] ?? false,
});
const { account } = fake;
console.log(
  `Fake DO API listening on ${fake.url} (${Math.round(performance.now() - started)}ms): ` +
    `${account.droplets.length} droplets, ${account.volumes.length} volumes, ${account.snapshots.length} snapshots, ` +
    `${account.tenants.length} tenants`,
);

const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
