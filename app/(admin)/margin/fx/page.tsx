import type { Metadata } from "next";
import { FetchedFxRatesTable } from "@/components/margin/fetched-fx-rates-table";
import { FxRateForm } from "@/components/margin/fx-rate-form";
import { ManualFxRatesTable } from "@/components/margin/manual-fx-rates-table";
import { MarginNav } from "@/components/margin/margin-nav";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listFetchedFxRates, listFxRates } from "@/lib/billing/fx-rates";
import { currentPeriod } from "@/lib/billing/month";
import { env } from "@/lib/platform/env";
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
        <CardTable
          title="Manual rates"
          description="Each rate holds from its date until the next rate of the same pair, manual or fetched."
          isEmpty={rates.length === 0}
          empty={
            <EmptyState title="No manual rates">
              <p>Fetched reference rates are used as they are; add a rate above to override one.</p>
            </EmptyState>
          }
        >
          <ManualFxRatesTable rates={rates} remove={deleteFxRateAction} />
        </CardTable>
      </div>
    </>
  );
}
