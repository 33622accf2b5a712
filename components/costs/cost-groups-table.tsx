import Link from "next/link";
import { TBody, Td, Th, THead, Table } from "@/components/ui/table";
import { monthName } from "@/lib/billing/chart-months";
import type { CostDimension } from "@/lib/costs/cost-dimensions";
import { costDimensionLabels } from "@/lib/costs/cost-dimensions";
import type { CostGroupPivot, PivotCell, PivotGroup } from "@/lib/costs/pivot-cost-groups";
import { formatMoney } from "@/lib/money/format-money";
import { AnomalyBadge, formatChangePct } from "./anomaly-badge";

const share = (pct: number | null) => (pct === null ? "—" : `${pct.toFixed(1)} %`);

/**
 * Groups as rows and months as columns: each cell is the group's cost that month, linked to exactly those lines,
 * with its change on the month before and the anomaly badge; the total and share are over the whole range. The
 * footer totals every group, not just this page's. Wide ranges scroll inside the card.
 */
export function CostGroupsTable({
  pivot,
  groups,
  dims,
  caption,
  lineHrefs,
}: {
  pivot: CostGroupPivot;
  /** The page of `pivot.groups` shown. */
  groups: PivotGroup[];
  dims: { groupBy: CostDimension; groupBy2?: CostDimension };
  caption: string;
  /** The lines view of each shown group's month, by group key and period. */
  lineHrefs: Record<string, Record<string, string>>;
}) {
  const hasTwo = Boolean(dims.groupBy2);
  return (
    <Table caption={caption}>
      <THead>
        <Th>{costDimensionLabels[dims.groupBy]}</Th>
        {dims.groupBy2 ? <Th>{costDimensionLabels[dims.groupBy2]}</Th> : null}
        <Th align="right">Total</Th>
        <Th align="right">Share</Th>
        {pivot.months.map((m) => (
          <Th key={m} align="right" className="whitespace-nowrap">
            {monthName(m)}
          </Th>
        ))}
      </THead>
      <TBody>
        {groups.map((g) => (
          <tr key={g.key} className={g.anomalyMonths.length ? "bg-red-50/40" : undefined}>
            <Th scope="row" className="max-w-64 whitespace-normal">
              <GroupName dimension={dims.groupBy} value={g.group} label={g.groupLabel} />
            </Th>
            {dims.groupBy2 ? (
              <Td className="max-w-64 whitespace-normal">
                <GroupName dimension={dims.groupBy2} value={g.group2} label={g.group2Label ?? ""} />
              </Td>
            ) : null}
            <Td align="right" className="font-medium">
              {formatMoney(g.totalCents, g.currency)}
            </Td>
            <Td align="right" className="whitespace-nowrap">
              {share(g.sharePct)}
            </Td>
            {pivot.months.map((m) => (
              <Td key={m} align="right" className="align-top">
                <MonthCell cell={g.cells[m]} currency={g.currency} href={lineHrefs[g.key]?.[m]} name={`${g.groupLabel}${g.group2Label ? ` · ${g.group2Label}` : ""}`} month={m} />
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
      <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-medium">
        {pivot.totals.map((t) => (
          <tr key={t.currency}>
            <Th scope="row" colSpan={hasTwo ? 2 : 1}>
              Total{pivot.totals.length > 1 ? ` (${t.currency})` : ""}, {pivot.groups.filter((g) => g.currency === t.currency).length} groups
            </Th>
            <Td align="right">{formatMoney(t.totalCents, t.currency)}</Td>
            <Td align="right" className="whitespace-nowrap">
              100 %
            </Td>
            {pivot.months.map((m) => (
              <Td key={m} align="right">
                {t.byMonth[m] === undefined ? "—" : formatMoney(t.byMonth[m]!, t.currency)}
              </Td>
            ))}
          </tr>
        ))}
      </tfoot>
    </Table>
  );
}

function GroupName({ dimension, value, label }: { dimension: CostDimension; value: string | null; label: string }) {
  if (dimension === "resource" && value) {
    return (
      <Link href={`/resources/${value}`} className="text-brand-700 hover:underline">
        {label}
      </Link>
    );
  }
  return value === null ? <span className="italic text-slate-600">{label}</span> : label;
}

function MonthCell({ cell, currency, href, name, month }: { cell: PivotCell | undefined; currency: string; href: string | undefined; name: string; month: string }) {
  if (!cell) return <span className="text-slate-600">—</span>;
  const amount = formatMoney(cell.amountCents, currency);
  return (
    <span className="flex flex-col items-end gap-0.5 whitespace-nowrap">
      {href ? (
        <Link href={href} className="text-brand-700 hover:underline" aria-label={`${amount}: lines of ${name} in ${monthName(month)}`}>
          {amount}
        </Link>
      ) : (
        amount
      )}
      <Change cell={cell} />
      {cell.isAnomaly ? <AnomalyBadge baselineCents={cell.baselineCents} currency={currency} /> : null}
    </span>
  );
}

function Change({ cell }: { cell: PivotCell }) {
  if (cell.previousCents === null) return null;
  const text = cell.changePct === null ? "new" : formatChangePct(cell.changePct);
  // Colored by what is written, so a change that rounds to "0 %" is neither red nor green.
  const tone = text === "new" || text.startsWith("+") ? "text-red-700" : text.startsWith("-") ? "text-emerald-700" : "text-slate-500";
  return (
    <span className={`text-xs ${tone}`}>
      {text}
      <span className="sr-only"> on the month before</span>
    </span>
  );
}
