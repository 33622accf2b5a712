import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatMonth } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatMoney } from "@/lib/money/format-money";
import type { TenantMonthFigures } from "@/lib/tenants/get-tenant-overview";

const cogsUnknownText = { no_invoice_or_snapshot: "no invoice or snapshot", not_attributable_before_invoice: "known per tenant once invoiced" } as const;

/** The chart's figures as a table, newest first: revenue, COGS, margin and margin % per month. */
export function TenantMonthsTable({ months, currency }: { months: TenantMonthFigures[]; currency: string }) {
  return (
    <Table caption="Revenue, COGS and margin by month">
      <THead>
        <Th>Month</Th>
        <Th align="right">Revenue</Th>
        <Th align="right">COGS</Th>
        <Th align="right">Margin</Th>
        <Th align="right">Margin %</Th>
      </THead>
      <TBody>
        {[...months].reverse().map((m) => (
          <tr key={m.period}>
            <Th scope="row" className="whitespace-nowrap">
              <Link href={`/costs?period=${m.period}`} className="text-brand-700 hover:underline" aria-label={`Cost lines of ${formatMonth(m.period)}`}>
                {formatMonth(m.period)}
              </Link>
              {m.isEstimate ? (
                <Badge tone="blue" className="ml-2">
                  estimate
                </Badge>
              ) : null}
              {!m.isBilled && (m.cogs ?? 0) > 0 ? (
                <Badge tone="amber" className="ml-2">
                  unbilled
                </Badge>
              ) : null}
            </Th>
            <Td align="right">{formatMoney(m.revenue, currency)}</Td>
            <Td align="right">
              {m.cogs === null ? <span className="whitespace-normal text-xs text-slate-600">{m.fxMissing ? "no FX rate" : m.cogsUnknown ? cogsUnknownText[m.cogsUnknown] : "—"}</span> : formatMoney(m.cogs, currency)}
            </Td>
            <Td align="right" className={m.margin !== null && m.margin < 0 ? "text-red-800" : undefined}>
              {formatMoney(m.margin, currency)}
            </Td>
            <Td align="right">{m.marginPct === null ? "—" : `${m.marginPct.toFixed(1)} %`}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
