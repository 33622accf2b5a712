import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatRate } from "@/lib/billing/describe-fx";
import type { FetchedFxPairDto } from "@/lib/billing/fx-rates";

/** The reference rates fetch-fx-rates stored, one row per pair (a rate per ECB business day is too many to list). */
export function FetchedFxRatesTable({ pairs, reporting }: { pairs: FetchedFxPairDto[]; reporting: string }) {
  if (!pairs.length) {
    return (
      <EmptyState title="No reference rates fetched yet">
        <p>
          The <code>fetch-fx-rates</code> job reads them daily from <code>FX_RATES_URL</code> (the ECB&apos;s reference rates by default);{" "}
          <Link href="/jobs" className="font-medium text-brand-700 underline">
            run it now on the Jobs page
          </Link>
          , or add the USD → {reporting} rate below.
        </p>
      </EmptyState>
    );
  }
  return (
    <Table caption="Fetched reference rates per pair">
      <THead>
        <Th>Pair</Th>
        <Th align="right">Days</Th>
        <Th>From</Th>
        <Th>To</Th>
        <Th align="right">Latest rate</Th>
        <Th>Source</Th>
        <Th>Fetched</Th>
      </THead>
      <TBody>
        {pairs.map((p) => (
          <tr key={`${p.base}/${p.quote}`}>
            <Th scope="row">
              {p.base} → {p.quote}
            </Th>
            <Td align="right">{p.rates}</Td>
            <Td className="whitespace-nowrap">{formatDate(p.first_date)}</Td>
            <Td className="whitespace-nowrap">{formatDate(p.last_date)}</Td>
            <Td align="right">{formatRate(p.latest_rate)}</Td>
            <Td className="break-all">ECB format, {p.source_url ?? "—"}</Td>
            <Td>{formatDateTime(p.fetched_at)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
