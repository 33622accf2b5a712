import { randomBytes, timingSafeEqual } from "node:crypto";

// The server's per-start token for jobs handed over by `npm run job`: written only into the data directory's lock
// file (mode 0600), so whoever could open the directory itself may hand the server a job, and nobody else.
const globalForToken = globalThis as unknown as { __arcadiaHandoverToken?: string };

export function handoverToken(): string {
  globalForToken.__arcadiaHandoverToken ??= randomBytes(32).toString("base64url");
  return globalForToken.__arcadiaHandoverToken;
}

export function isHandoverToken(given: string | undefined): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(handoverToken());
  return a.length === b.length && timingSafeEqual(a, b);
}
