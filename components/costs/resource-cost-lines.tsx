import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ResourceCostLineList } from "@/lib/costs/list-resource-cost-lines";
import type { CostLineItem } from "@/lib/costs/schemas";
import { formatDecimalMoney, formatMoney } from "@/lib/money/format-money";
import { parseAmountCents } from "@/lib/money/parse-amount-cents";
import { formatMonth } from "@/lib/time/format-month";

interface PeriodGroup {
  period: string;
  lines: CostLineItem[];
  totalCents: number;
  /** A month's lines are one invoice's, so one currency. */
  currency: string;
}

function groupByPeriod(lines: CostLineItem[]): PeriodGroup[] {
  const groups: PeriodGroup[] = [];
  for (const line of lines) {
    let group = groups.at(-1);
    if (group?.period !== line.period) {
      group = { period: line.period, lines: [], totalCents: 0, currency: line.currency };
      groups.push(group);
    }
    group.lines.push(line);
    group.totalCents += parseAmountCents(line.amount) ?? 0;
  }
  return groups;
}

/** The invoice lines that paid for one resource, a row per month; `limit` is how many the page loaded at most. */
export function ResourceCostLines({ lines, lineCount, totalCents, limit }: ResourceCostLineList & { limit: number }) {
  const groups = groupByPeriod(lines);
  return (
    <CardTable
      title="Cost lines"
      description={
        lineCount && lines[0]
          ? `${lineCount.toLocaleString("en")} DigitalOcean invoice ${lineCount === 1 ? "line" : "lines"} paid for this resource, ${formatMoney(totalCents, lines[0].currency)} in all${lineCount > limit ? `; the latest ${limit} are shown` : ""}.`
          : undefined
      }
      isEmpty={groups.length === 0}
      empty={
        <EmptyState title="No cost lines matched to this resource">
          <p>Invoice lines are matched by DigitalOcean&apos;s resource id, or by kind and name, when an invoice is ingested.</p>
        </EmptyState>
      }
    >
      <Table caption="Invoice lines that paid for this resource, by billing month">
        <THead>
          <Th>Month</Th>
          <Th>Lines</Th>
          <Th>Matched</Th>
          <Th align="right">Total</Th>
        </THead>
        <TBody>
          {groups.map((group) => (
            <tr key={group.period} className="align-top">
              <Th scope="row" className="whitespace-nowrap">
                <Link href={`/costs?period=${group.period}&q=${encodeURIComponent(group.lines[0]?.name ?? "")}`} className="text-brand-700 hover:underline">
                  {formatMonth(group.period)}
                </Link>
              </Th>
              <Td>
                <ul className="space-y-0.5">
                  {group.lines.map((line) => (
                    <li key={line.id}>
                      {line.product}: {line.description}
                      {line.hours ? <span className="text-slate-600"> · {line.hours} h</span> : null} ·{" "}
                      <span className="tabular-nums">{formatDecimalMoney(line.amount, line.currency)}</span>
                    </li>
                  ))}
                </ul>
              </Td>
              <Td>
                {[...new Set(group.lines.map((line) => line.match_method))].map((method) => (
                  <Badge key={method} tone="green" className="mr-1">
                    {method === "id" ? "by DO id" : "by name"}
                  </Badge>
                ))}
              </Td>
              <Td align="right" className="font-medium">
                {formatMoney(group.totalCents, group.currency)}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </CardTable>
  );
}
