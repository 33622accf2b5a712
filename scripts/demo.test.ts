import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockFileName } from "@/db/data-dir-lock";

/**
 * `npm run demo` a second time over a running one stops before it installs, migrates, seeds, starts the fake DO or
 * builds. The script runs from a copy in a sandbox whose npm, npx, node and curl only record that they were called,
 * so even a regression cannot touch this checkout; the running owner is a live process of this test.
 */
const owner = spawn("sleep", ["60"], { stdio: "ignore" });
const sandboxes: string[] = [];
afterAll(() => {
  owner.kill();
  for (const d of sandboxes) rmSync(d, { recursive: true, force: true });
});

function demoOver(file: string | undefined, content = "") {
  const root = mkdtempSync(path.join(tmpdir(), "arcadia-demo-"));
  sandboxes.push(root);
  for (const d of ["scripts", "node_modules", "bin", "data"]) mkdirSync(path.join(root, d));
  copyFileSync("scripts/demo.sh", path.join(root, "scripts/demo.sh"));
  writeFileSync(path.join(root, ".env.local"), "ADMIN_EMAIL=admin@example.test\n");
  const calls = path.join(root, "calls.log");
  for (const tool of ["npm", "npx", "node", "curl"]) {
    writeFileSync(path.join(root, "bin", tool), `#!/bin/sh\necho "${tool} $*" >> "${calls}"\nexit 1\n`);
    chmodSync(path.join(root, "bin", tool), 0o755);
  }
  const dataDir = path.join(root, "data");
  if (file) writeFileSync(path.join(dataDir, file), content);
  const env = { PATH: `${path.join(root, "bin")}:${process.env.PATH}`, HOME: root, NODE_ENV: "test" as const, DATA_DIR: dataDir, DO_API_TOKEN: "t" };
  const run = spawnSync("bash", [path.join(root, "scripts/demo.sh")], { env, encoding: "utf8", timeout: 20_000 });
  return { ...run, calls: existsSync(calls) ? readFileSync(calls, "utf8") : "", files: readdirSync(dataDir) };
}

describe("npm run demo over a running one", () => {
  it("refuses when a demo is running on the data directory", () => {
    const run = demoOver("demo.pid", `${owner.pid}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`the demo is already running (pid ${owner.pid})`);
    expect(run.stderr).toContain("locked");
    expect(run.calls).toBe("");
    expect(run.files).toEqual(["demo.pid"]);
  });

  it("refuses when a server (or a job) holds the embedded database", () => {
    const run = demoOver(lockFileName, JSON.stringify({ pid: owner.pid, role: "server", port: 3000, startedAt: new Date().toISOString(), nonce: "n" }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`is locked by a running process (pid ${owner.pid})`);
    expect(run.calls).toBe("");
    expect(run.files).toEqual([lockFileName]);
  });

  it("goes ahead over a demo that is gone (its pid file left behind), and removes its own pid file on exit", () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const run = demoOver("demo.pid", `${gone}\n`);
    expect(run.calls.split("\n")[0]).toBe("npm run -s db:migrate"); // the first step after the check (here, a failing one)
    expect(run.files).toEqual([]);
  });
});
