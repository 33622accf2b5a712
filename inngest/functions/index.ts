import { deliverNotifications } from "./deliver-notifications";
import { detectDrift } from "./detect-drift";
import { discoverInvoices } from "./discover-invoices";
import { fetchFxRates } from "./fetch-fx-rates";
import { ingestInvoice } from "./ingest-invoice";
import { meterBandwidth } from "./meter-bandwidth";
import { meterUsage } from "./meter-usage";
import { provisionCreateDroplet } from "./provision-create-droplet";
import { provisionDeleteDroplet } from "./provision-delete-droplet";
import { provisionResizeDroplet } from "./provision-resize-droplet";
import { provisionRevertDrift } from "./provision-revert-drift";
import { sendNotificationDigest } from "./send-notification-digest";
import { snapshotBalance } from "./snapshot-balance";
import { syncInventoryFast, syncInventoryFull, syncInventorySlow } from "./sync-inventory";

/** Every Inngest function, served by app/api/inngest/route.ts. One file per job in this folder. */
export const functions = [syncInventoryFull, syncInventoryFast, syncInventorySlow, detectDrift, snapshotBalance, discoverInvoices, ingestInvoice, meterUsage, meterBandwidth, fetchFxRates, deliverNotifications, sendNotificationDigest, provisionCreateDroplet, provisionResizeDroplet, provisionDeleteDroplet, provisionRevertDrift];
