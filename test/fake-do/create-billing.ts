import { findProject } from "./find-project";
import { type Billable, buildInvoiceLines, type InvoiceLine, type InvoicePeriod, listBillables } from "./build-invoice-lines";
import { createRng } from "./create-rng";
import { getMonthStart } from "./generate-account";
import { toIso } from "./make-droplet";
import { formatAmount, renderInvoiceCsv } from "./render-invoice-csv";
import type { FakeAccount } from "./types";

export type FakeInvoice = {
  uuid: string;
  invoiceId: string;
  period: InvoicePeriod;
  amountCents: number;
  isPreview: boolean;
};

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// Building a 10k-droplet month takes a few milliseconds; keep the lines of the last few invoices asked for.
const linesCacheSize = 4;

/**
 * Invoices, billing history and balance derived from the account. Totals are cached per `account.version`, so a test
 * that changes the account through the helpers (or bumps `version`) sees invoices that still add up.
 */
export function createBilling(
  account: FakeAccount,
  options: { seed: number; now: Date; invoicesMonths: number; unlistedCredit?: { monthsBack: number; cents: number } },
) {
  const nowMs = options.now.getTime();
  let cached: { version: number; invoices: FakeInvoice[]; preview: FakeInvoice } | undefined;
  const linesCache = new Map<string, { version: number; lines: InvoiceLine[] }>();
  let billables: { version: number; items: Billable[] } | undefined;
  const currentBillables = () => {
    if (!billables || billables.version !== account.version) {
      billables = { version: account.version, items: listBillables(account) };
    }
    return billables.items;
  };

  const periodFor = (monthsBack: number): InvoicePeriod => {
    const start = getMonthStart(options.now, monthsBack);
    const end = getMonthStart(options.now, monthsBack - 1);
    return { key: toIso(start).slice(0, 7), start, end };
  };

  const linesFor = (invoice: Pick<FakeInvoice, "uuid" | "period">): InvoiceLine[] => {
    const hit = linesCache.get(invoice.uuid);
    if (hit && hit.version === account.version) return hit.lines;
    const accountProject = findProject(account.projects, "arcadia")?.name ?? "";
    const lines = buildInvoiceLines(currentBillables(), invoice.period, nowMs, options.seed, accountProject);
    linesCache.delete(invoice.uuid);
    linesCache.set(invoice.uuid, { version: account.version, lines });
    for (const key of linesCache.keys()) {
      if (linesCache.size <= linesCacheSize) break;
      linesCache.delete(key);
    }
    return lines;
  };

  // A credit DO applied to one invoice's amount (and summary) that its CSV and line items do not list.
  const unlistedCents = (monthsBack: number) => (options.unlistedCredit?.monthsBack === monthsBack ? options.unlistedCredit.cents : 0);
  const unlistedOf = (invoice: FakeInvoice) => invoice.amountCents - linesFor(invoice).reduce((sum, line) => sum + line.amountCents, 0);

  const makeInvoice = (monthsBack: number): FakeInvoice => {
    const period = periodFor(monthsBack);
    const rng = createRng(`${options.seed}:invoice:${period.key}`);
    const uuid = rng.uuid();
    const monthNumber = period.start.getUTCFullYear() * 12 + period.start.getUTCMonth();
    const lines = linesFor({ uuid, period });
    return {
      uuid,
      invoiceId: String(9_000_000 + monthNumber * 131 + (options.seed % 97)),
      period,
      amountCents: lines.reduce((sum, line) => sum + line.amountCents, 0) + unlistedCents(monthsBack),
      isPreview: monthsBack === 0,
    };
  };

  const state = () => {
    if (!cached || cached.version !== account.version) {
      const invoices = Array.from({ length: options.invoicesMonths }, (_, i) => makeInvoice(i + 1));
      cached = { version: account.version, invoices, preview: makeInvoice(0) };
    }
    return cached;
  };

  const findInvoice = (uuid: string) => {
    const { invoices, preview } = state();
    return preview.uuid === uuid ? preview : invoices.find((invoice) => invoice.uuid === uuid);
  };

  return {
    /** Issued invoices, newest first, and the month-to-date preview. */
    listInvoices: () => state(),
    findInvoice,
    getLines: linesFor,
    getCsv: (invoice: FakeInvoice) => renderInvoiceCsv(linesFor(invoice)),

    /** Oldest first, like the spec's example: each month's Invoice, then its Payment two days later. */
    listBillingHistory: () => {
      const entries: Record<string, string>[] = [];
      for (const invoice of [...state().invoices].reverse()) {
        const issued = new Date(invoice.period.end.getTime() + (8 * 60 + 44) * 60_000 + 38_000);
        const paid = new Date(issued.getTime() + 2 * 86_400_000);
        const month = `${monthNames[invoice.period.start.getUTCMonth()]} ${invoice.period.start.getUTCFullYear()}`;
        if (issued.getTime() <= nowMs) {
          entries.push({
            description: `Invoice for ${month}`,
            amount: formatAmount(invoice.amountCents),
            invoice_id: invoice.invoiceId,
            invoice_uuid: invoice.uuid,
            date: toIso(issued),
            type: "Invoice",
          });
        }
        if (paid.getTime() <= nowMs && invoice.amountCents > 0) {
          entries.push({
            description: "Payment (Visa 4242)",
            amount: formatAmount(-invoice.amountCents),
            date: toIso(paid),
            type: "Payment",
          });
        }
      }
      return entries;
    },

    getBalance: () => {
      const usage = state().preview.amountCents;
      return {
        month_to_date_balance: formatAmount(usage),
        account_balance: "0.00",
        month_to_date_usage: formatAmount(usage),
        generated_at: toIso(options.now),
      };
    },

    /** `product_charges + overages + taxes + credits_and_adjustments` equals `amount` to the cent. */
    getSummary: (invoice: FakeInvoice) => {
      const lines = linesFor(invoice);
      const sum = (filter: (line: InvoiceLine) => boolean) =>
        lines.filter(filter).reduce((total, line) => total + line.amountCents, 0);
      const isOverage = (line: InvoiceLine) => line.product === "Spaces Overage" || line.product === "Bandwidth";
      const isTax = (line: InvoiceLine) => line.product === "Taxes";
      const isCredit = (line: InvoiceLine) => line.amountCents < 0;
      const isProduct = (line: InvoiceLine) => !isOverage(line) && !isTax(line) && !isCredit(line);
      const byProduct = new Map<string, { cents: number; count: number }>();
      for (const line of lines.filter(isProduct)) {
        const entry = byProduct.get(line.product) ?? { cents: 0, count: 0 };
        entry.cents += line.amountCents;
        entry.count += 1;
        byProduct.set(line.product, entry);
      }
      return {
        invoice_uuid: invoice.uuid,
        invoice_id: invoice.invoiceId,
        billing_period: invoice.period.key,
        amount: formatAmount(invoice.amountCents),
        user_name: account.owner.name,
        user_billing_address: {
          address_line1: "1 Harbour St",
          city: "Sydney",
          region: "NSW",
          postal_code: "2000",
          country_iso2_code: "AU",
        },
        user_company: account.owner.team.name,
        user_email: account.owner.email,
        product_charges: {
          name: "Product usage charges",
          amount: formatAmount(sum(isProduct)),
          items: [...byProduct].map(([name, { cents, count }]) => ({
            amount: formatAmount(cents),
            name,
            count: String(count),
          })),
        },
        overages: { name: "Overages", amount: formatAmount(sum(isOverage)) },
        taxes: { name: "Taxes", amount: formatAmount(sum(isTax)) },
        credits_and_adjustments: { name: "Credits & adjustments", amount: formatAmount(sum(isCredit) + unlistedOf(invoice)) },
      };
    },
  };
}

export type FakeBilling = ReturnType<typeof createBilling>;

/** An invoice line as `GET /v2/customers/my/invoices/{uuid}` lists it. */
export function toInvoiceItem(line: InvoiceLine): Record<string, string> {
  return {
    product: line.product,
    ...(line.resourceUuid ? { resource_uuid: line.resourceUuid } : {}),
    ...(line.resourceId ? { resource_id: line.resourceId } : {}),
    ...(line.groupDescription ? { group_description: line.groupDescription } : {}),
    description: line.description,
    amount: formatAmount(line.amountCents),
    ...(line.hours === null ? {} : { duration: String(line.hours), duration_unit: "Hours" }),
    start_time: toIso(new Date(line.start)),
    end_time: toIso(new Date(line.end)),
    project_name: line.projectName,
    category: line.category,
  };
}
