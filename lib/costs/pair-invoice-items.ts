import type { DoInvoiceItem } from "@/lib/digitalocean/schemas";
import { parseAmountCents } from "@/lib/money/parse-amount-cents";
import type { ParsedCostLine } from "./parse-invoice-csv";

export interface DoResourceRef {
  doResourceId: string | null;
  doResourceUuid: string | null;
}

const MINUTE = 60_000;

/**
 * What a CSV line and a JSON item of the same invoice have in common: product, description, amount and usage window.
 * Times are compared to the nearest minute because the CSV writes a window ending at a month boundary as its last
 * second (23:59:59) while the JSON writes the boundary itself.
 */
export function invoiceLineKey(
  product: string,
  description: string,
  amountCents: number,
  start: Date | null,
  end: Date | null,
): string {
  const minute = (date: Date | null) => (date ? String(Math.round(date.getTime() / MINUTE)) : "");
  return [product.trim().toLowerCase(), description.trim(), amountCents, minute(start), minute(end)].join("\u0000");
}

/**
 * Pairs CSV lines with the invoice's JSON items, which carry DO's own resource ids. Items are added page by page and
 * only their ids are kept, so a 100,000-item invoice costs a map of short strings, not the items. Identical lines
 * (same key) take the identical items' ids in turn.
 */
export function createItemPairer() {
  const refs = new Map<string, DoResourceRef[]>();
  let itemCount = 0;

  return {
    add(items: readonly DoInvoiceItem[]): void {
      for (const item of items) {
        itemCount++;
        const doResourceId = item.resource_id?.trim() || null;
        const doResourceUuid = item.resource_uuid?.trim() || null;
        if (!doResourceId && !doResourceUuid) continue;
        const cents = parseAmountCents(item.amount);
        if (cents === null) continue;
        const key = invoiceLineKey(item.product, item.description, cents, toDate(item.start_time), toDate(item.end_time));
        const queue = refs.get(key);
        if (queue) queue.push({ doResourceId, doResourceUuid });
        else refs.set(key, [{ doResourceId, doResourceUuid }]);
      }
    },

    /** DO's ids for this line, or null when no item with ids pairs with it. */
    take(line: Pick<ParsedCostLine, "product" | "description" | "amountCents" | "startAt" | "endAt">): DoResourceRef | null {
      const key = invoiceLineKey(line.product, line.description, line.amountCents, line.startAt, line.endAt);
      const queue = refs.get(key);
      const ref = queue?.shift() ?? null;
      if (queue && queue.length === 0) refs.delete(key);
      return ref;
    },

    get itemCount() {
      return itemCount;
    },
  };
}

export type ItemPairer = ReturnType<typeof createItemPairer>;

function toDate(text: string): Date | null {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
