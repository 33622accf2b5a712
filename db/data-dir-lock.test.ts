import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbHandle } from "@/db/client";
import { DataDirLockedError, lockFileName, readLockOwner } from "@/db/data-dir-lock";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { runTsx, startAppServer } from "@/test/run-tsx";

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "arcadia-lock-")), "data");
  dirs.push(path.dirname(dir));
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A pid that belonged to a process which has exited: what a crashed owner leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

const migrate = (dataDir: string) => runTsx("scripts/db-migrate.ts", [], { DATA_DIR: dataDir }).done;

describe("the embedded data directory's lock, in one process", () => {
  it("takes over a lock whose owner died, and removes its own on close", async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const pid = deadPid();
    writeFileSync(path.join(dir, lockFileName), JSON.stringify({ pid, role: "server", port: 1, token: "x", startedAt: "2026-01-01T00:00:00Z", nonce: "old" }));
    const handle = createDbHandle({ dataDir: dir });
    expect(readLockOwner(dir)).toMatchObject({ pid: process.pid, role: "process" });
    expect(statSync(path.join(dir, lockFileName)).mode & 0o777).toBe(0o600);
    await handle.migrate();
    await handle.close();
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  }, 120_000);

  it("takes over an unreadable lock file", async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, lockFileName), "{not json");
    const handle = createDbHandle({ dataDir: dir });
    expect(readLockOwner(dir)?.pid).toBe(process.pid);
    await handle.close();
  }, 120_000);

  it("refuses a second open of the same directory while the first is open", async () => {
    const dir = tempDataDir();
    const first = createDbHandle({ dataDir: dir });
    try {
      expect(() => createDbHandle({ dataDir: dir })).toThrow(DataDirLockedError);
      expect(() => createDbHandle({ dataDir: dir })).toThrow(new RegExp(`DATA_DIR ${dir} is locked .*\\(pid ${process.pid}\\)`));
    } finally {
      await first.close();
    }
    const again = createDbHandle({ dataDir: dir });
    await again.close();
  }, 120_000);
});

describe("two processes on one DATA_DIR", () => {
  it("of two command-line processes started together, one opens the directory and the other is refused", async () => {
    const dir = tempDataDir();
    const results = await Promise.all([migrate(dir), migrate(dir)]);
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.output).join("\n---\n")).toEqual([0, 1]);
    const refused = results.find((r) => r.code === 1)!;
    expect(refused.output).toMatch(new RegExp(`^error: DATA_DIR ${dir} is locked by another process \\(scripts/db-migrate.ts\\) \\(pid \\d+\\)`, "m"));
    // The directory is intact: it opens, migrated, once both are done.
    const after = await migrate(dir);
    expect(after.code, after.output).toBe(0);
  }, 180_000);

  describe("with a server running", () => {
    let fake: FakeDo;
    let server: Awaited<ReturnType<typeof startAppServer>>;
    const dir = tempDataDir();
    beforeAll(async () => {
      fake = await startFakeDo({ seed: 9, droplets: 320, now: new Date("2026-05-15T12:00:00Z") });
      server = await startAppServer({ DATA_DIR: dir, DO_API_URL: fake.url, DO_API_TOKEN: "test-token" });
    }, 180_000);
    afterAll(async () => {
      for (const pid of [server?.pid, server?.child.pid]) {
        try {
          if (pid) process.kill(pid, "SIGKILL");
        } catch {
          // exited already (the last test kills it)
        }
      }
      await fake?.close();
    });
    const api = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${server.port}${p}`, init);

    it("a second process exits non-zero saying the directory is locked by the server's pid; the server keeps working", async () => {
      const second = await migrate(dir);
      expect(second.code).toBe(1);
      expect(second.output).toContain(`DATA_DIR ${dir} is locked by the running server (pid ${server.pid})`);
      expect((await api("/api/health")).status).toBe(200);
    }, 60_000);

    it("npm run job hands the job to the server, says so, and exits with the run's outcome", async () => {
      const ok = await runTsx("scripts/job.ts", ["sync-inventory", "droplet"], { DATA_DIR: dir }).done;
      expect(ok.code, ok.output).toBe(0);
      expect(ok.output).toMatch(
        new RegExp(`^DATA_DIR ${dir} is locked by the running server \\(pid ${server.pid}\\); sent the job to it: run [0-9a-f-]{36}$`, "m"),
      );
      expect(ok.output).toMatch(/^sync-inventory: .*droplet/m);

      fake.faults.set("/v2/droplets", { type: "short_page", page: 2, drop: 40 });
      try {
        const failed = await runTsx("scripts/job.ts", ["sync-inventory", "droplet"], { DATA_DIR: dir }).done;
        expect(failed.code).toBe(1);
        expect(failed.output).toMatch(/sent the job to it: run /);
        expect(failed.output).toMatch(/^error: sync-inventory failed in the server \(run [0-9a-f-]{36}\): .*incomplete/m);
      } finally {
        fake.faults.clear();
      }
    }, 120_000);

    it("the handover endpoint wants this start's token from the lock file", async () => {
      const body = JSON.stringify({ job: "meter-usage" });
      const headers = { "content-type": "application/json" };
      for (const auth of [undefined, "Bearer wrong-token", `Bearer ${readLockOwner(dir)!.token}x`]) {
        const res = await api("/api/internal/job-runs", { method: "POST", body, headers: auth ? { ...headers, authorization: auth } : headers });
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
      }
      const token = { ...headers, authorization: `Bearer ${readLockOwner(dir)!.token}` };
      expect((await api("/api/internal/job-runs", { method: "POST", body: JSON.stringify({ job: "nope" }), headers: token })).status).toBe(404);
      expect((await api("/api/internal/job-runs", { method: "POST", body: "{", headers: token })).status).toBe(400);
      expect((await api("/api/internal/job-runs/not-a-uuid", { headers: token })).status).toBe(400);
    }, 60_000);

    it("when the server is killed (-9), the next process takes the stale lock over and finds the data intact", async () => {
      process.kill(server.pid, "SIGKILL");
      await server.done;
      expect(readLockOwner(dir)?.pid).toBe(server.pid); // left behind
      const next = await migrate(dir);
      expect(next.code, next.output).toBe(0);
      const handle = createDbHandle({ dataDir: dir });
      try {
        const [row] = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from job_runs where status = 'succeeded'`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
        expect(row?.n).toBeGreaterThanOrEqual(1); // the handed-over run, written by the server
      } finally {
        await handle.close();
      }
    }, 120_000);
  });
});
