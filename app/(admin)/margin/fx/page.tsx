import type { Metadata } from "next";
import { FxRateForm } from "@/components/margin/fx-rate-form";
import { MarginNav } from "@/components/margin/margin-nav";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDb } from "@/db";
import { listFxRates } from "@/lib/billing/fx-rates";
import { currentPeriod } from "@/lib/billing/month";
import { env } from "@/lib/env";
import { deleteFxRateAction, saveFxRateAction } from "../actions";

export const metadata: Metadata = { title: "FX rates" };

export default async function FxRatesPage() {
  const rates = await listFxRates(getDb());
  const reporting = env().REPORTING_CURRENCY;
  return (
    <>
      <PageHeader
        title="Margin"
        description={`Exchange rates that put DigitalOcean's USD and each plan's currency into the reporting currency (${reporting}). A month without a rate in effect on its first day shows no figures rather than a guess.`}
      />
      <MarginNav current="/margin/fx" />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader title="Add a rate" description="Entering the same pair and date again corrects that rate." />
          <FxRateForm action={saveFxRateAction} defaults={{ base: "USD", quote: reporting, effective_from: currentPeriod() }} />
        </Card>
        <Card>
          <CardHeader title="Rates" description="Each rate holds from its date until the next rate of the same pair." />
          {rates.length ? (
            <Table caption="Exchange rates by pair and effective date">
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
                        <p>Months that used it fall back to the previous rate of the pair, or show no figures if there is none.</p>
                      </ConfirmDialog>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <EmptyState title="No exchange rates yet">
              <p>Add the USD → {reporting} rate above: until then the margin cannot convert DigitalOcean&apos;s costs.</p>
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
