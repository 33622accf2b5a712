import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { FxRateDto } from "@/lib/billing/fx-rates";
import type { ServerAction } from "@/lib/http/action-result";

/** The rates an admin entered, by pair and effective date, each deletable after a confirmation. */
export function ManualFxRatesTable({ rates, remove }: { rates: FxRateDto[]; remove: ServerAction }) {
  return (
    <Table caption="Manual exchange rates by pair and effective date">
      <THead>
        <Th>Pair</Th>
        <Th align="right">Rate</Th>
        <Th>Effective from</Th>
        <Th>Entered</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {rates.map((r) => (
          <tr key={r.id}>
            <Th scope="row">
              {r.base} → {r.quote}
            </Th>
            <Td align="right">{r.rate.replace(/0+$/, "").replace(/\.$/, "")}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.effective_from)}</Td>
            <Td>
              {formatDateTime(r.created_at)}
              {r.created_by ? ` by ${r.created_by}` : ""}
            </Td>
            <Td>
              <ConfirmDialog
                trigger="Delete"
                triggerVariant="ghost"
                title={`Delete the ${r.base}→${r.quote} rate from ${formatDate(r.effective_from)}?`}
                confirmLabel="Delete rate"
                pendingLabel="Deleting…"
                confirmVariant="danger"
                action={remove}
                fields={{ id: r.id }}
              >
                <p>Months that used it fall back to the fetched rate of the same date or the previous rate of the pair, or show no converted figures if there is none.</p>
              </ConfirmDialog>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
