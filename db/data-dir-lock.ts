import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * One process at a time on an embedded (PGlite) data directory: two processes writing one directory corrupt it for
 * good. The lock is a file in the directory holding its owner's pid; a lock whose pid is gone (a crashed or killed
 * process) is taken over. A server also writes its port and a per-start token, so `npm run job` can hand it a job
 * instead of opening the directory itself.
 */
export const lockFileName = "arcadia.lock";

export interface DataDirLockOwner {
  pid: number;
  /** `server`, or the command-line script holding it. */
  role: string;
  startedAt: string;
  /** A server's port and token for handing it jobs (lib/job-handover). */
  port?: number;
  token?: string;
  /** Tells this owner's lock from an earlier one with the same pid (a restarted container is pid 1 again). */
  nonce: string;
}

export type LockOwnerInfo = Pick<DataDirLockOwner, "role" | "port" | "token">;

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirLockOwner,
    readonly lockFile: string,
  ) {
    const who = owner.role === "server" ? "the running server" : `another process (${owner.role})`;
    super(
      `DATA_DIR ${dataDir} is locked by ${who} (pid ${owner.pid}): the embedded database can be open in one process only. ` +
        `Stop that process or set DATABASE_URL to share a PostgreSQL server (a dead owner's lock, ${lockFile}, is taken over by itself).`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  file: string;
  owner: DataDirLockOwner;
  release(): void;
}

// Locks this process holds, on globalThis so a dev-mode reload of this module still knows them.
const globalForLocks = globalThis as unknown as { __arcadiaDataDirLocks?: Map<string, DataDirLockOwner> };
const held = globalForLocks.__arcadiaDataDirLocks ?? new Map<string, DataDirLockOwner>();
if (!globalForLocks.__arcadiaDataDirLocks) {
  globalForLocks.__arcadiaDataDirLocks = held;
  process.once("exit", () => {
    for (const [file, owner] of held) release(file, owner);
  });
}

/** Takes the directory's lock or throws DataDirLockedError naming the live owner. The directory must exist. */
export function acquireDataDirLock(dataDir: string, info: LockOwnerInfo): DataDirLock {
  const file = path.join(path.resolve(dataDir), lockFileName);
  const owner: DataDirLockOwner = { pid: process.pid, startedAt: new Date().toISOString(), nonce: randomUUID(), ...info };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusively(file, `${JSON.stringify(owner)}\n`)) {
      held.set(file, owner);
      return { file, owner, release: () => release(file, owner) };
    }
    const text = readText(file);
    if (text === undefined) continue; // released meanwhile: try again
    const current = parseOwner(text);
    if (current && isLive(file, current)) throw new DataDirLockedError(dataDir, current, file);
    takeOverStale(file, text); // a dead owner's, or unreadable
  }
  throw new DataDirLockedError(dataDir, readLockOwner(dataDir) ?? { ...owner, pid: 0, role: "unknown" }, file);
}

/** The owner recorded in a data directory's lock file, if there is one. */
export function readLockOwner(dataDir: string): DataDirLockOwner | undefined {
  const text = readText(path.join(dataDir, lockFileName));
  return text === undefined ? undefined : parseOwner(text);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function parseOwner(text: string): DataDirLockOwner | undefined {
  try {
    const parsed = JSON.parse(text) as DataDirLockOwner;
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isLive(file: string, owner: DataDirLockOwner): boolean {
  if (owner.pid === process.pid) return held.get(file)?.nonce === owner.nonce;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

/**
 * Written in full to a temporary name, then linked into place: link() fails if the lock exists, so creation is atomic
 * and no reader ever sees a half-written lock.
 */
function createExclusively(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(tmp, content, { mode: 0o600, flag: "wx" }); // a server's lock holds its handover token
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Removes a stale lock, claiming the takeover first so that of two processes finding the same dead owner only one
 * deletes, and never a lock a live process has written since (the text must be unchanged). A claim left by a process
 * that died mid-takeover expires after a few seconds.
 */
function takeOverStale(file: string, staleText: string): void {
  const claim = `${file}.takeover`;
  if (!createExclusively(claim, `${process.pid}\n`)) {
    try {
      if (Date.now() - statSync(claim).mtimeMs > 10_000) unlinkSync(claim);
    } catch {
      // gone already
    }
    return;
  }
  try {
    if (readText(file) === staleText) unlinkSync(file);
  } finally {
    unlinkSync(claim);
  }
}

function release(file: string, owner: DataDirLockOwner): void {
  if (held.get(file)?.nonce !== owner.nonce) return;
  held.delete(file);
  try {
    if (parseOwner(readText(file) ?? "")?.nonce === owner.nonce) unlinkSync(file);
  } catch {
    // already gone
  }
}
