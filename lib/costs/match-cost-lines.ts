import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";

/** Which lines a match runs over: a table of cost lines, the column naming a line in it, and a filter. */
export interface MatchTarget {
  table: SQL;
  key: SQL;
  scope: SQL;
}

/**
 * The one set-based UPDATE ... FROM that points lines at the resources they paid for (never a query per line).
 *
 * 1. By DO's own id: the line's resource_id / resource_uuid (from the invoice's JSON items) equals a resource's
 *    provider_id of the same kind. Exact.
 * 2. Otherwise by (kind, lower(name)), as the original service did, tombstoned resources included (historic droplets).
 *    Only for lines DO gave no id for: when DO names an id our inventory lacks, a same-named resource is by DO's own
 *    word a different one. Of several same-named resources, the one alive during the line's usage window wins, then
 *    a live one over a tombstone, then the most recently deleted.
 *
 * Lines of any type with a kind are matched (a credit against a droplet belongs to that droplet); taxes and lines with
 * no resource behind them (bandwidth, Spaces billed per account) have no kind and stay 'none'; a Spaces line naming a
 * bucket matches that bucket by name.
 */
export function matchLinesStatement({ table, key, scope }: MatchTarget): SQL {
  return sql`
    update ${table} as l
    set resource_id = m.resource_id, match_method = m.method
    from (
      select distinct on (c.line_key) c.line_key, c.resource_id, c.method
      from (
        select l.${key} as line_key, r.id as resource_id, 'id' as method, 0 as rank, true as overlaps, r.deleted_at
        from ${table} l
        join cloud_resources r on r.kind = l.kind and r.provider_id = l.do_resource_id
        where ${scope} and l.do_resource_id is not null
        union all
        select l.${key}, r.id, 'id', 0, true, r.deleted_at
        from ${table} l
        join cloud_resources r on r.kind = l.kind and r.provider_id = l.do_resource_uuid
        where ${scope} and l.do_resource_uuid is not null
        union all
        select l.${key}, r.id, 'name', 1,
          (r.provider_created_at is null or l.end_at is null or r.provider_created_at <= l.end_at)
            and (r.deleted_at is null or l.start_at is null or r.deleted_at >= l.start_at),
          r.deleted_at
        from ${table} l
        join cloud_resources r on r.kind = l.kind and lower(r.name) = lower(l.name)
        where ${scope} and l.name is not null and l.do_resource_id is null and l.do_resource_uuid is null
      ) c
      order by c.line_key, c.rank, c.overlaps desc, (c.deleted_at is null) desc, c.deleted_at desc, c.resource_id
    ) m
    where l.${key} = m.line_key and ${scope}
  `;
}

/** Re-matches an invoice's stored lines, e.g. after an inventory sync has recorded the resources they paid for. */
export async function matchCostLines(db: DbOrTx, invoiceId: string): Promise<void> {
  await db.execute(matchLinesStatement({ table: sql`cloud_cost_lines`, key: sql`id`, scope: sql`l.invoice_id = ${invoiceId}` }));
}

/**
 * Matches every stored line still unmatched (a kind, no resource) against the inventory as it is now, and recounts
 * the matches of the invoices that changed. An invoice ingested before the first sync otherwise stays unmatched, its
 * costs "Shared", until someone re-ingests it. Run after every inventory sync; matched lines are never moved.
 */
export async function rematchUnmatchedLines(db: DbOrTx): Promise<{ matched: number; invoices: number }> {
  return db.transaction(async (tx) => {
    const changed = rowsOf<{ invoiceId: string }>(
      await tx.execute(sql`
        with matched as (
          ${matchLinesStatement({ table: sql`cloud_cost_lines`, key: sql`id`, scope: sql`l.resource_id is null and l.kind is not null` })}
          returning l.invoice_id
        )
        select invoice_id as "invoiceId" from matched
      `),
    );
    const invoiceIds = [...new Set(changed.map((r) => r.invoiceId))];
    if (invoiceIds.length > 0) {
      await tx.execute(sql`
        update cloud_invoices i
        set matched_by_id_count = c.by_id, matched_by_name_count = c.by_name, updated_at = now()
        from (
          select invoice_id,
            (count(*) filter (where line_type = 'resource' and match_method = 'id'))::int as by_id,
            (count(*) filter (where line_type = 'resource' and match_method = 'name'))::int as by_name
          from cloud_cost_lines
          where invoice_id in (${sql.join(invoiceIds.map((id) => sql`${id}::uuid`), sql`, `)})
          group by invoice_id
        ) c
        where i.id = c.invoice_id
      `);
    }
    return { matched: changed.length, invoices: invoiceIds.length };
  });
}
