import type { Db } from "@/db/client";

/**
 * Every idempotent seed, in dependency order. Each upserts on natural keys, so running this twice changes nothing.
 * Returns a one-line summary of what it did.
 */
export async function seedAll(_db: Db): Promise<string> {
  const parts: string[] = [];
  return parts.length ? parts.join(", ") : "nothing to seed";
}
