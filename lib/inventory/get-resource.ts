import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudResourceEvents, cloudResources } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import type { ResourceItem } from "./schemas";
import { parseResourceItem, resourceItemJson } from "./list-resources";

export interface ResourceDetail extends ResourceItem {
  attrs: Record<string, unknown>;
}

export interface ResourceEventDto {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getResourceOrThrow(db: DbOrTx, id: string): Promise<ResourceDetail> {
  if (!uuidPattern.test(id)) throw new ApiError("not_found", `No resource ${id}`);
  const [row] = await db.select({ item: resourceItemJson, attrs: cloudResources.attrs }).from(cloudResources).where(eq(cloudResources.id, id));
  if (!row) throw new ApiError("not_found", `No resource ${id}`);
  return { ...parseResourceItem(row.item), attrs: row.attrs };
}

/** The resource's event log, newest first. */
export async function listResourceEvents(db: DbOrTx, resourceId: string, limit = 200): Promise<ResourceEventDto[]> {
  const rows = await db
    .select()
    .from(cloudResourceEvents)
    .where(eq(cloudResourceEvents.resourceId, resourceId))
    .orderBy(desc(cloudResourceEvents.at), desc(cloudResourceEvents.id))
    .limit(limit);
  return rows.map((e) => ({ id: e.id, type: e.type, payload: e.payload, at: e.at.toISOString() }));
}
