import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { type ChartMonth, cogsKindStyles, monthName } from "@/lib/billing/chart-months";
import { describeRateUsed } from "@/lib/billing/describe-fx";
import { formatMoney } from "@/lib/money/format-money";

const pct = (p: number | null) => (p === null ? "—" : `${p.toFixed(2)} %`);

/** The chart's figures as a table: its text alternative, and the keyboard way to a month's cost lines. */
export function MarginMonthTable({ months, currency }: { months: ChartMonth[]; currency: string }) {
  const kinds = cogsKindStyles.filter((k) => months.some((m) => m.byKind[k.kind]));
  const c = (cents: number | null | undefined) => formatMoney(cents, currency);
  return (
    <Table caption={`COGS and revenue by month, in ${currency}`}>
      <THead>
        <Th>Month</Th>
        <Th align="right">Revenue</Th>
        <Th align="right">COGS</Th>
        <Th align="right">Margin</Th>
        <Th align="right">Gross margin</Th>
        <Th align="right">Unbilled COGS</Th>
        <Th>Cost lines</Th>
        <Th>Exchange rate used</Th>
        {kinds.map((k) => (
          <Th key={k.kind} align="right" className="whitespace-nowrap font-medium text-slate-600">
            {k.label}
          </Th>
        ))}
      </THead>
      <TBody>
        {months.map((m) => (
          <tr key={m.period} className={m.isEstimate ? "bg-sky-50/60" : undefined}>
            <Th scope="row">
              <span className="flex items-center gap-2 whitespace-nowrap">
                {monthName(m.period)}
                {m.isEstimate ? <Badge tone="blue">Estimate</Badge> : null}
                {m.fxMissing ? <Badge tone="amber">No {m.missingPairs.map((p) => p.replace("/", "→")).join(", ")} rate</Badge> : null}
                {m.isCogsUnknown ? <Badge>No COGS</Badge> : !m.hasCogs && !m.fxMissing ? <Badge>No invoice</Badge> : null}
              </span>
              {/* The basis and the projection say what an estimate month's figures are: to date, and to the month's end. */}
              {m.basisLabel ? <span className="block text-xs font-normal text-slate-600">To date: {m.basisLabel}.</span> : null}
              {m.projection ? (
                <span className="block text-xs font-normal text-slate-600">
                  Projected to month end: revenue {c(m.projection.revenue)}, COGS {m.projection.cogs === null ? "unknown" : c(m.projection.cogs)}, margin{" "}
                  {m.projection.margin === null ? "unknown" : `${c(m.projection.margin)} (${pct(m.projection.marginPct)})`}.
                </span>
              ) : null}
              {m.isCogsUnknown ? (
                <span className="block text-xs font-normal text-slate-600">No invoice and no balance snapshot: COGS unknown, so no margin.</span>
              ) : null}
            </Th>
            <Td align="right">{c(m.revenue)}</Td>
            <Td align="right" className="font-medium">
              {c(m.cogs)}
            </Td>
            <Td align="right">{c(m.margin)}</Td>
            <Td align="right" className="whitespace-nowrap">
              {pct(m.marginPct)}
            </Td>
            <Td align="right" className={m.unbilledCogs ? "text-red-700" : undefined}>
              {m.unbilledCogs === null ? "—" : c(m.unbilledCogs)}
            </Td>
            <Td className="whitespace-nowrap">
              {/* aria-label, not an sr-only span: an absolutely placed span in a scrolling table widens the page. */}
              {m.hasCogs && !m.isEstimate ? (
                <Link href={`/costs?period=${m.period}`} aria-label={`Open cost lines of ${monthName(m.period)}`} className="text-brand-700 hover:underline">
                  Open cost lines
                </Link>
              ) : m.isEstimate ? (
                <Link href="/costs/balance" aria-label={`Month to date: ${monthName(m.period)}`} className="text-brand-700 hover:underline">
                  Month to date
                </Link>
              ) : (
                "—"
              )}
            </Td>
            <Td className="whitespace-nowrap text-slate-600">
              {m.ratesUsed.length ? m.ratesUsed.map((u) => <div key={u.base}>{describeRateUsed(u)}</div>) : m.fxMissing ? "none" : "none needed"}
            </Td>
            {kinds.map((k) => (
              <Td key={k.kind} align="right" className="text-slate-600">
                {m.cogs === null ? "—" : c(m.byKind[k.kind] ?? 0)}
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Each invoiced month that had an estimate: what the last balance snapshot projected against what the invoice said. */
export function EstimateReconciliationTable({ months, currency }: { months: ChartMonth[]; currency: string }) {
  const c = (cents: number) => formatMoney(cents, currency);
  const rows = months.filter((m) => m.reconciliation);
  if (!rows.length) {
    return (
      <p className="px-5 py-4 text-sm text-slate-600">
        No month in this range has both an estimate and an invoice yet: once a month with balance snapshots is invoiced, its last estimate is set against the
        invoice here.
      </p>
    );
  }
  return (
    <Table caption={`Estimated COGS against the invoice, by month, in ${currency}`}>
      <THead>
        <Th>Month</Th>
        <Th align="right">Estimated COGS</Th>
        <Th align="right">Invoice COGS</Th>
        <Th align="right">Difference</Th>
        <Th align="right">Difference %</Th>
        <Th>Estimate</Th>
      </THead>
      <TBody>
        {rows.map((m) => {
          const r = m.reconciliation!;
          const p = r.differencePct;
          return (
            <tr key={m.period}>
              <Th scope="row">{monthName(m.period)}</Th>
              <Td align="right">{c(r.estimatedCogs)}</Td>
              <Td align="right">{c(r.invoiceCogs)}</Td>
              <Td align="right">{c(r.difference)}</Td>
              <Td align="right">{p === null ? "—" : `${p > 0 ? "+" : ""}${p.toFixed(2)} %`}</Td>
              <Td className="text-slate-600">{r.basisLabel}</Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
