import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { cloudCostLines, cloudInvoices } from "@/db/schema";
import { recordEvents } from "@/lib/notifications/record-event";
import { evaluateBudgetsAfterIngest } from "@/lib/budgets/evaluate-budgets";
import { loadCogs } from "@/lib/billing/load-cogs";
import { cliEnv } from "@/lib/platform/env";
import { isNewsworthyPeriod } from "@/lib/notifications/announce-window";
import { announceInvoiceMonth } from "./announce-invoice-month";
import { invoiceIngestedEvents } from "./invoice-events";
import { matchLinesStatement } from "./match-cost-lines";
import type { ItemPairer } from "./pair-invoice-items";
import { DEFAULT_INVOICE_BATCH_SIZE, type InvoiceCsvInput, type ParsedCostLine, parseInvoiceCsvStream } from "./parse-invoice-csv";

export interface InvoiceLineStats {
  lineCount: number;
  linesTotalCents: number;
  resourceLineCount: number;
  matchedByIdCount: number;
  matchedByNameCount: number;
}

export type IngestPhase = "stage" | "match" | "write" | "announce" | "budgets";

export interface ReplaceInvoiceLinesInput {
  invoiceId: string;
  csv: InvoiceCsvInput;
  /** DO's resource ids from the invoice's JSON items; without it every line is matched by name. */
  pairer?: ItemPairer;
  csvSha256?: string;
  batchSize?: number;
  /** Told how long each phase took, for the benchmark and slow-ingest logs: `announce` is the month's anomalies and margin events, `budgets` their evaluation. */
  onPhase?: (phase: IngestPhase, ms: number) => void;
  /** The clock that decides whether the invoice's month is recent enough to announce (isNewsworthyPeriod). */
  now?: Date;
}

// Lines are parsed into a temporary table first (no WAL, no indexes, no foreign keys), matched there with one UPDATE,
// and then written to cloud_cost_lines in one INSERT ... SELECT: each row of the real table is written exactly once,
// instead of inserted and then rewritten by the match, which would double the index and WAL work of a large invoice.
const STAGING = sql.raw("cost_lines_staging");

/**
 * Replaces an invoice's line set with the lines of `csv`, in one transaction: the old lines stay until the new ones
 * are all parsed, inserted and matched, and a CSV that fails to parse rolls everything back. The invoice header's row
 * lock serialises two ingests of one invoice, so the second deletes what the first committed and exactly one copy of
 * every line remains. The CSV is streamed: each batch is staged while the next one is parsed. The outcome is
 * announced (invoice.ingested, and invoice.unreconciled when the lines do not add up) in the same transaction, with
 * what the month's new lines make true (announceInvoiceMonth).
 */
export async function replaceInvoiceLines(db: Db, input: ReplaceInvoiceLinesInput): Promise<InvoiceLineStats> {
  const { invoiceId, pairer } = input;
  let phaseStart = performance.now();
  const phaseDone = (phase: IngestPhase) => {
    const now = performance.now();
    input.onPhase?.(phase, now - phaseStart);
    phaseStart = now;
  };
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select({ invoiceUuid: cloudInvoices.invoiceUuid, period: cloudInvoices.period, amountCents: cloudInvoices.amountCents, currency: cloudInvoices.currency })
      .from(cloudInvoices)
      .where(eq(cloudInvoices.id, invoiceId))
      .for("update");
    if (!invoice) throw new Error(`invoice ${invoiceId} does not exist`);
    // The match's sort and the ordered insert of a 100,000-line invoice need ~30 MB; the 4 MB default spills to disk.
    await tx.execute(sql`set local work_mem = '64MB'`);
    // The month's aggregates (anomalies by tenant, COGS) are estimated past JIT's thresholds at 100,000 lines, and
    // compiling them took 1.3-1.9 s of a tenant aggregate that runs in 0.5 s without it.
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`
      create temporary table ${STAGING} (
        line_no integer not null, product text not null, group_description text, description text not null,
        hours numeric, start_at timestamptz, end_at timestamptz, amount_cents bigint not null, project_name text,
        category text, line_type text not null, kind text, name text, size_label text, is_backup boolean not null,
        do_resource_id text, do_resource_uuid text, resource_id uuid, match_method text not null default 'none'
      ) on commit drop
    `);

    // One insert in flight at a time: the transaction's connection runs them in order anyway, and waiting for the
    // previous one before handing over the next batch keeps memory to two batches.
    let inFlight: Promise<unknown> = Promise.resolve();
    try {
      await parseInvoiceCsvStream(
        input.csv,
        async (lines) => {
          const json = toStagingJson(lines, pairer);
          // The parser holds this array until we return. Emptying it lets the parsed lines die young rather than be
          // promoted to the old generation while the previous insert runs, which is what bounds the peak RSS.
          lines.length = 0;
          await inFlight;
          inFlight = stageJson(tx, json);
          // Handled when awaited; without this a failing insert is an unhandled rejection while parsing goes on.
          inFlight.catch(() => {});
        },
        input.batchSize ?? DEFAULT_INVOICE_BATCH_SIZE,
      );
      await inFlight;
    } catch (error) {
      await inFlight.catch(() => {});
      throw error;
    }

    // Temporary tables are never auto-analyzed; without statistics on the join columns the planner guesses one row
    // and matches 100,000 lines by nested index lookups instead of a hash join.
    await tx.execute(sql`analyze ${STAGING} (kind, name, do_resource_id, do_resource_uuid)`);
    phaseDone("stage");
    await tx.execute(matchLinesStatement({ table: STAGING, key: sql`line_no`, scope: sql`true` }));
    phaseDone("match");
    await tx.delete(cloudCostLines).where(eq(cloudCostLines.invoiceId, invoiceId));
    await tx.execute(sql`
      insert into cloud_cost_lines (
        invoice_id, period, line_no, product, group_description, description, hours, start_at, end_at, amount_cents,
        project_name, category, line_type, kind, name, size_label, is_backup, do_resource_id, do_resource_uuid,
        resource_id, match_method
      )
      select ${invoiceId}::uuid, ${invoice.period}::date, line_no, product, group_description, description, hours,
        start_at, end_at, amount_cents, project_name, category, line_type, kind, name, size_label, is_backup,
        do_resource_id, do_resource_uuid, resource_id, match_method
      from ${STAGING}
      order by line_no
    `);
    // The staging table holds exactly what was just written, without the real table's visibility checks.
    const [stats] = rowsOf<InvoiceLineStats>(
      await tx.execute(sql`
        select count(*)::int as "lineCount", coalesce(sum(amount_cents), 0)::float8 as "linesTotalCents",
          (count(*) filter (where line_type = 'resource'))::int as "resourceLineCount",
          (count(*) filter (where line_type = 'resource' and match_method = 'id'))::int as "matchedByIdCount",
          (count(*) filter (where line_type = 'resource' and match_method = 'name'))::int as "matchedByNameCount"
        from ${STAGING}
      `),
    );
    if (!stats) throw new Error("staged line counts are missing");
    phaseDone("write");
    await tx
      .update(cloudInvoices)
      .set({
        status: "ingested",
        error: null,
        ...stats,
        csvSha256: input.csvSha256 ?? null,
        ingestedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(cloudInvoices.id, invoiceId));
    await recordEvents(tx, invoiceIngestedEvents(invoice, stats));
    phaseStart = performance.now();
    const now = input.now ?? new Date();
    // An old month's lines (history being loaded) are recorded, not announced; the month's COGS is then not needed.
    const recent = isNewsworthyPeriod(invoice.period, now);
    // The month's COGS is read once, for the margin events and the budgets alike.
    const cogs = recent ? await loadCogs(tx, invoice.period, invoice.period, cliEnv().TENANT_TAG_PREFIX) : undefined;
    if (recent) await announceInvoiceMonth(tx, invoice.period, cogs);
    phaseDone("announce");
    await evaluateBudgetsAfterIngest(tx, invoice.period, now, cogs);
    phaseDone("budgets");
    return stats;
  });
}

/** A batch of parsed lines, with DO's ids where the JSON items give them, as one JSON array for json_to_recordset. */
function toStagingJson(lines: ParsedCostLine[], pairer: ItemPairer | undefined): string {
  const rows = lines.map((line) => {
    const ref = pairer?.take(line) ?? null;
    return {
      line_no: line.lineNo,
      product: line.product,
      group_description: line.groupDescription,
      description: line.description,
      hours: line.hours,
      start_at: line.startAt,
      end_at: line.endAt,
      amount_cents: line.amountCents,
      project_name: line.projectName,
      category: line.category,
      line_type: line.lineType,
      kind: line.kind,
      name: line.name,
      size_label: line.sizeLabel,
      is_backup: line.isBackup,
      do_resource_id: ref?.doResourceId ?? null,
      do_resource_uuid: ref?.doResourceUuid ?? null,
    };
  });
  return JSON.stringify(rows);
}

/** One set-based INSERT per batch into the staging table: the batch travels as a single JSON parameter. */
async function stageJson(db: DbOrTx, json: string): Promise<void> {
  await db.execute(sql`
    insert into ${STAGING} (
      line_no, product, group_description, description, hours, start_at, end_at, amount_cents, project_name, category,
      line_type, kind, name, size_label, is_backup, do_resource_id, do_resource_uuid
    )
    select r.line_no, r.product, r.group_description, r.description, r.hours, r.start_at, r.end_at, r.amount_cents,
      r.project_name, r.category, r.line_type, r.kind, r.name, r.size_label, r.is_backup, r.do_resource_id,
      r.do_resource_uuid
    from json_to_recordset(${json}::json) as r(
      line_no integer, product text, group_description text, description text, hours numeric, start_at timestamptz,
      end_at timestamptz, amount_cents bigint, project_name text, category text, line_type text, kind text, name text,
      size_label text, is_backup boolean, do_resource_id text, do_resource_uuid text
    )
  `);
}
