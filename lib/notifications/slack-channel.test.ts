import { describe, expect, it } from "vitest";
import { notificationEndpoints } from "@/db/schema";
import { localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { useDeliveryTestDb } from "@/test/use-delivery-test-db";
import { drainOutbox } from "./drain-outbox";
import { createSlackEndpoint } from "./slack-channel";

const email = { smtpUrl: undefined, from: "x", consoleUrl: "https://console.arcadia.test" };

describe("the Slack channel", () => {
  const t = useDeliveryTestDb();

  it("posts a readable message with a link back to the console to the incoming-webhook URL", async () => {
    await createSlackEndpoint(t.db, { url: `${t.receiver.url}/services/T0/B0/xyz`, events: ["job.abandoned"] }, { allowPrivate: true, actor: "test" });
    await recordAbandonedJob(t.db, "meter-usage-hourly");
    const summary = await drainOutbox(t.db, { ...localDelivery, email });
    expect(summary.succeeded).toBe(1);
    expect(t.receiver.received).toHaveLength(1);
    const req = t.receiver.received[0]!;
    expect(req.path).toBe("/services/T0/B0/xyz");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["webhook-signature"]).toBeUndefined();
    const { text } = JSON.parse(req.body) as { text: string };
    expect(text.split("\n")[0]).toBe("*job.abandoned*: A job run's process died: its heartbeat stopped");
    expect(text).toContain("• job: meter-usage-hourly");
    expect(text).toContain("<https://console.arcadia.test/activity|Open in arcadia-cloud>");
  });

  it("refuses a private incoming-webhook URL unless private addresses are allowed, as for webhooks", async () => {
    await expect(
      createSlackEndpoint(t.db, { url: "https://127.0.0.1/services/x", events: ["job.abandoned"] }, { allowPrivate: false, actor: "test" }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    expect(await t.db.select().from(notificationEndpoints)).toHaveLength(0);
  });
});
