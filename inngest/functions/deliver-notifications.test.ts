import { InngestTestEngine } from "@inngest/test";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns } from "@/db/schema";
import { resetEnvCache } from "@/lib/platform/env";
import { setupAppTestDb } from "@/test/app-db";
import { createTestEndpoint, recordAbandonedJob } from "@/test/notification-factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { deliverNotifications } from "./deliver-notifications";

// The Inngest function runs the real drain, configured from the environment as in production (WEBHOOK_ALLOW_PRIVATE=1
// lets it reach the receiver on 127.0.0.1), and delivers to a real HTTP receiver.

const getDb = setupAppTestDb();
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  resetEnvCache();
  await receiver.close();
});

describe("the deliver-notifications Inngest function", () => {
  it("drains the outbox on its cron: the event reaches the endpoint, signed, and the run is recorded", async () => {
    const endpoint = await createTestEndpoint(getDb().db, `${receiver.url}/inngest`);
    const eventId = await recordAbandonedJob(getDb().db, "ingest-invoice");
    const { result } = await new InngestTestEngine({ function: deliverNotifications }).execute();
    expect((result as { summary: string }).summary).toBe("1 new events; 1 attempts: 1 delivered, 0 failed (0 out of retries); 0 endpoints disabled");
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(eventId);
    expect(new Webhook(endpoint.secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers)).toMatchObject({ data: { job: "ingest-invoice" } });
    expect((await getDb().db.select().from(jobRuns)).at(-1)).toMatchObject({ job: "deliver-notifications", trigger: "cron", status: "succeeded" });
  });

  it("a cron drain with nothing new and nothing due records no run, so the Jobs page is not flooded every minute", async () => {
    await new InngestTestEngine({ function: deliverNotifications }).execute(); // drains whatever earlier tests left
    const before = await getDb().db.select().from(jobRuns);
    const { result } = await new InngestTestEngine({ function: deliverNotifications }).execute();
    expect((result as { summary: string; runId: string | null }).runId).toBeNull();
    expect(await getDb().db.select().from(jobRuns)).toHaveLength(before.length);

    await recordAbandonedJob(getDb().db, "after-idle");
    await new InngestTestEngine({ function: deliverNotifications }).execute();
    expect(await getDb().db.select().from(jobRuns)).toHaveLength(before.length + 1);
  });
});
