import type { Metadata } from "next";
import { FetchedFxRatesTable } from "@/components/margin/fetched-fx-rates-table";
import { FxRateForm } from "@/components/margin/fx-rate-form";
import { MarginNav } from "@/components/margin/margin-nav";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDb } from "@/db";
import { listFetchedFxRates, listFxRates } from "@/lib/billing/fx-rates";
import { currentPeriod } from "@/lib/billing/month";
import { env } from "@/lib/env";
import { deleteFxRateAction, saveFxRateAction } from "../actions";

export const metadata: Metadata = { title: "FX rates" };

export default async function FxRatesPage() {
  const [rates, fetched] = await Promise.all([listFxRates(getDb()), listFetchedFxRates(getDb())]);
  const reporting = env().REPORTING_CURRENCY;
  return (
    <>
      <PageHeader
        title="Margin"
        description={`Exchange rates that put DigitalOcean's USD and each plan's currency into the reporting currency (${reporting}). A month converts with the rate in effect on its first day (the latest dated on or before it); without one, the figures that need it are not shown rather than guessed.`}
      />
      <MarginNav current="/margin/fx" />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader
            title="Reference rates"
            description="Fetched daily by fetch-fx-rates from FX_RATES_URL (ECB format: rates per EUR, so USD → AUD is AUD per EUR ÷ USD per EUR), one rate per business day, dated by the source."
          />
          <FetchedFxRatesTable pairs={fetched} reporting={reporting} />
        </Card>
        <Card>
          <CardHeader
            title="Add a rate"
            description="A manual rate overrides the fetched one of the same pair and date, and holds until the next rate of the pair. Entering the same pair and date again corrects it."
          />
          <FxRateForm action={saveFxRateAction} defaults={{ base: "USD", quote: reporting, effective_from: currentPeriod() }} />
        </Card>
        <Card>
          <CardHeader title="Manual rates" description="Each rate holds from its date until the next rate of the same pair, manual or fetched." />
          {rates.length ? (
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
                    <Td>{r.effective_from}</Td>
                    <Td>
                      {formatDateTime(r.created_at)}
                      {r.created_by ? ` by ${r.created_by}` : ""}
                    </Td>
                    <Td>
                      <ConfirmDialog
                        trigger="Delete"
                        triggerVariant="ghost"
                        title={`Delete the ${r.base}→${r.quote} rate from ${r.effective_from}?`}
                        confirmLabel="Delete rate"
                        pendingLabel="Deleting…"
                        confirmVariant="danger"
                        action={deleteFxRateAction}
                        fields={{ id: r.id }}
                      >
                        <p>Months that used it fall back to the fetched rate of the same date or the previous rate of the pair, or show no converted figures if there is none.</p>
                      </ConfirmDialog>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <EmptyState title="No manual rates">
              <p>Fetched reference rates are used as they are; add a rate above to override one.</p>
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
