import { z } from "zod";
import { resourceKinds, syncRunStatuses } from "@/db/schema/resources";
import { pageLimit } from "@/lib/http/cursor";

export const listSyncRunsQuery = z.object({
  status: z.enum(syncRunStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(pageLimit.default),
  cursor: z.string().min(1).max(1000).optional(),
});
export type ListSyncRunsQuery = z.infer<typeof listSyncRunsQuery>;

const kindResultSchema = z.object({
  status: z.enum(["succeeded", "failed"]),
  seen: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  restored: z.number().int(),
  requests: z.number().int(),
  error: z.string().optional(),
});

export const syncRunItemSchema = z.object({
  id: z.string().uuid(),
  kinds: z.array(z.string()),
  trigger: z.string(),
  status: z.enum(syncRunStatuses),
  seen: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  restored: z.number().int(),
  kind_results: z.partialRecord(z.enum(resourceKinds), kindResultSchema),
  error: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type SyncRunItem = z.infer<typeof syncRunItemSchema>;
