import { Banner } from "@/components/ui/banner";
import type { InvoicePeriod } from "@/lib/costs/list-invoice-periods";
import { formatMoney } from "@/lib/money/format-money";

/** Says loudly when a period's lines do not add up to DO's invoice, or when the invoice is not (fully) ingested. */
export function ReconciliationBanner({ invoice }: { invoice: InvoicePeriod }) {
  if (invoice.status === "failed") {
    return (
      <div className="mb-4">
        <Banner tone="error">
          The last ingest of this invoice failed; the lines below are from the previous successful ingest, if any. See the{" "}
          <a href="/costs/invoices" className="font-medium underline">
            invoices view
          </a>{" "}
          for the reason.
        </Banner>
      </div>
    );
  }
  if (invoice.linesTotalCents === null) return null;
  const difference = invoice.linesTotalCents - invoice.amountCents;
  if (difference === 0) return null;
  return (
    <div className="mb-4">
      <Banner tone="error">
        <strong>This invoice does not reconcile:</strong> its lines add up to {formatMoney(invoice.linesTotalCents, invoice.currency)} but
        DigitalOcean bills {formatMoney(invoice.amountCents, invoice.currency)}, a difference of {formatMoney(difference, invoice.currency)}.
      </Banner>
    </div>
  );
}
