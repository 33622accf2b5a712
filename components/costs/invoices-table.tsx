import Link from "next/link";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { CostAnomalyVerdict } from "@/lib/costs/detect-cost-anomaly";
import type { InvoiceItem } from "@/lib/costs/schemas";
import type { ServerAction } from "@/lib/http/action-result";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";
import { formatDecimalMoney } from "@/lib/money/format-money";
import { InvoiceAnomaly } from "./invoice-anomaly";
import { formatMonth } from "@/lib/time/format-month";

const statusTones: Record<InvoiceItem["status"], Tone> = { discovered: "neutral", ingesting: "blue", ingested: "green", failed: "red" };

function monthOf(period: string): string {
  return formatMonth(period);
}

/**
 * Every invoice: ingest state, line count, reconciliation (loud when off), match rate, and Re-ingest. An amount the
 * anomaly rule flags (`anomalies`, keyed `period|currency`) says so and links to what grew, grouped by kind. Each
 * Re-ingest follows its invoice's latest ingest run (`ingestRuns`, keyed by invoice uuid).
 */
export function InvoicesTable({
  invoices,
  runJob,
  anomalies = new Map(),
  growthHref = () => "/costs/explore",
  ingestRuns = {},
}: {
  invoices: InvoiceItem[];
  runJob: ServerAction;
  anomalies?: ReadonlyMap<string, CostAnomalyVerdict>;
  growthHref?: (period: string) => string;
  ingestRuns?: Record<string, JobRunDto>;
}) {
  return (
    <Table caption="DigitalOcean invoices and their ingest state">
      <THead>
        <Th className="whitespace-nowrap">Period</Th>
        <Th className="whitespace-nowrap">Status</Th>
        <Th align="right" className="whitespace-nowrap">DO amount</Th>
        <Th align="right" className="whitespace-nowrap">Lines</Th>
        <Th align="right" className="whitespace-nowrap">Lines total</Th>
        <Th className="whitespace-nowrap">Reconciliation</Th>
        <Th align="right" className="whitespace-nowrap">Match rate</Th>
        <Th className="whitespace-nowrap">Ingested</Th>
        <Th className="whitespace-nowrap">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {invoices.map((invoice) => {
          const isOff = invoice.reconciled === false;
          return (
            <tr key={invoice.invoice_uuid} className={isOff || invoice.status === "failed" ? "whitespace-nowrap bg-red-50/60 align-top" : "whitespace-nowrap align-top"}>
              <Th scope="row">
                <Link href={`/costs?period=${invoice.period}`} className="font-medium text-brand-700 hover:underline">
                  {monthOf(invoice.period)}
                </Link>
                <span className="block text-xs font-normal text-slate-600">#{invoice.invoice_id ?? invoice.invoice_uuid.slice(0, 8)}</span>
              </Th>
              <Td>
                <Badge tone={statusTones[invoice.status]}>{invoice.status}</Badge>
                {invoice.error ? <p className="mt-1 min-w-56 max-w-xs whitespace-normal text-xs text-red-800">{invoice.error}</p> : null}
              </Td>
              <Td align="right">
                {formatDecimalMoney(invoice.amount, invoice.currency)}
                <InvoiceAnomaly verdict={anomalies.get(`${invoice.period}|${invoice.currency}`)} currency={invoice.currency} href={growthHref(invoice.period)} />
              </Td>
              <Td align="right">{invoice.line_count.toLocaleString("en")}</Td>
              <Td align="right">{invoice.reconciled === null ? "—" : formatDecimalMoney(invoice.lines_total, invoice.currency)}</Td>
              <Td>
                {invoice.reconciled === null ? (
                  <span className="text-slate-600">not ingested</span>
                ) : isOff ? (
                  <span className="flex flex-col items-start gap-0.5">
                    <Badge tone="red" className="font-semibold">
                      off by {formatDecimalMoney(invoice.difference ?? "0.00", invoice.currency)}
                    </Badge>
                    <span className="text-xs text-red-800">lines minus DO&apos;s amount</span>
                  </span>
                ) : (
                  <Badge tone="green">reconciles</Badge>
                )}
              </Td>
              <Td align="right">
                {invoice.match_rate === null ? (
                  "—"
                ) : (
                  <span title={`${invoice.matched_by_id} by DO id, ${invoice.matched_by_name} by name, of ${invoice.resource_line_count} resource lines`}>
                    {Math.round(invoice.match_rate * 100)}%
                    <span className="block text-xs text-slate-600">
                      {invoice.matched_by_id + invoice.matched_by_name}/{invoice.resource_line_count}
                    </span>
                  </span>
                )}
              </Td>
              <Td className="whitespace-nowrap text-slate-700">{formatDateTime(invoice.ingested_at)}</Td>
              <Td>
                <RunJobButton
                  action={runJob}
                  job="ingest-invoice"
                  label="Re-ingest"
                  args={{ uuid: invoice.invoice_uuid }}
                  run={ingestRuns[invoice.invoice_uuid] ?? null}
                  ariaLabel={`Re-ingest the ${monthOf(invoice.period)} invoice`}
                />
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
