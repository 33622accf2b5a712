// Adds up every suite into one "N passed, N failed" line. Suites without a per-test report (typecheck, lint,
// build) count as one test each; vitest and Playwright count their own tests from their JSON reports.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const lines = [];
for (const arg of process.argv.slice(2)) {
  const [name, outcome] = arg.split(":");
  const report = { unit: "reports/vitest.json", e2e: "reports/playwright.json" }[name];
  if (report && existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    let p = 0;
    let f = 0;
    if (name === "unit") {
      p = json.numPassedTests;
      f = json.numFailedTests + (outcome === "fail" && json.numFailedTests === 0 ? 1 : 0);
    } else {
      p = json.stats.expected + json.stats.flaky;
      f = json.stats.unexpected + (outcome === "fail" && json.stats.unexpected === 0 ? 1 : 0);
    }
    passed += p;
    failed += f;
    lines.push(`${name}: ${p} passed, ${f} failed`);
  } else {
    outcome === "pass" ? passed++ : failed++;
    lines.push(`${name}: ${outcome === "pass" ? "passed" : "FAILED"}`);
  }
}
console.log(lines.join("\n"));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
