import { afterAll, afterEach, beforeAll } from "vitest";
import type { Db } from "@/db/client";
import { notificationEndpoints } from "@/db/schema";
import { drainOutbox } from "@/lib/notifications/drain-outbox";
import { createTestDb, type TestDb } from "./db";
import { localDelivery } from "./notification-factories";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

export interface DeliveryTestDb {
  readonly db: Db;
  readonly receiver: WebhookReceiver;
}

/**
 * A describe block's database and webhook receiver for tests that deliver notifications. Each test starts from an
 * empty outbox: after it, earlier events are dispatched to no one, the endpoints go, and the receiver forgets what it
 * got and answers 204 again. Read `db` and `receiver` inside tests (they exist once beforeAll has run).
 */
export function useDeliveryTestDb(): DeliveryTestDb {
  let t: TestDb | undefined;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await drainOutbox(t!.db, localDelivery);
    await t!.db.delete(notificationEndpoints);
    receiver!.received.length = 0;
    receiver!.setAnswer(() => ({ status: 204 }));
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.drop();
  });
  return {
    get db() {
      return t!.db;
    },
    get receiver() {
      return receiver!;
    },
  };
}
