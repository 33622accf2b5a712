import "server-only";
import type { Db } from "@/db";
import { type MarginEventsConfig, announceMarginEvents } from "./announce-margin-events";
import { latestInvoicedPeriod } from "./load-margin-page";
import { setMarginTarget } from "./margin-target";

/**
 * Sets the target gross margin and, in the same transaction, judges the latest invoiced month against it: an admin
 * who raises the target hears at once which plans and tenants are under it, rather than at the next invoice.
 */
export async function saveMarginTarget(db: Db, pct: number | null, actor: string, cfg: MarginEventsConfig): Promise<void> {
  await db.transaction(async (tx) => {
    await setMarginTarget(tx, pct, actor);
    if (pct !== null) await announceMarginEvents(tx, await latestInvoicedPeriod(tx, cfg.now), cfg);
  });
}
