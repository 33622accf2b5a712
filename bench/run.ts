// npm run bench [-- name ...]: runs the benchmarks (all by default) and prints their figures. Targets are checked
// here, in benchmarks, never in timed unit tests. Each bench module exports `bench: Bench`.
import { benches } from "./registry";

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const selected = wanted.length ? benches.filter((b) => wanted.includes(b.name)) : benches;
if (wanted.length && selected.length !== wanted.length) {
  console.error(`unknown bench; available: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

let failures = 0;
for (const b of selected) {
  console.log(`\n=== ${b.name}: ${b.description}`);
  const started = performance.now();
  try {
    const outcome = await b.run();
    console.log(`--- ${b.name}: ${outcome.ok ? "target met" : "TARGET MISSED"} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (!outcome.ok) failures++;
  } catch (err) {
    failures++;
    console.error(`--- ${b.name}: error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
process.exit(failures ? 1 : 0);
