import type { Bench } from "./bench";
import { costsApiBench } from "./costs-api";
import { costsGroupedBench } from "./costs-grouped";
import { costsIngestBench } from "./costs-ingest";
import { driftBench } from "./drift";
import { firstLoadJsBench } from "./first-load-js";
import { marginApiBench } from "./margin-api";
import { meterBandwidthBench } from "./meter-bandwidth";
import { notificationsDeliveryBench } from "./notifications-delivery";
import { provisioningBench } from "./provisioning";
import { inventoryApiBench } from "./inventory-api";
import { inventorySyncBench } from "./inventory-sync";

/** Every benchmark; features add theirs. */
export const benches: Bench[] = [firstLoadJsBench, inventoryApiBench, inventorySyncBench, costsIngestBench, costsApiBench, costsGroupedBench, driftBench, marginApiBench, meterBandwidthBench, notificationsDeliveryBench, provisioningBench];
