import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notificationDeliveries, notificationEndpoints } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { startSmtpInbox } from "@/test/smtp-inbox";
import type { EmailSettings } from "./email-channel";
import { createEmailEndpoint } from "./email-endpoints";
import { drainOutbox } from "./drain-outbox";
import { sendNotificationDigests } from "./send-digest";

// A real SMTP server (smtp-server) on 127.0.0.1: what arrives is what nodemailer sent over the wire.
describe("the email channel", () => {
  let t: TestDb;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let email: EmailSettings;
  beforeAll(async () => {
    t = await createTestDb();
    inbox = await startSmtpInbox();
    email = { smtpUrl: `${inbox.url}?ignoreTLS=true`, from: "arcadia <notify@arcadia.test>", consoleUrl: "https://console.arcadia.test" };
  });
  afterEach(async () => {
    await drainOutbox(t.db, { ...localDelivery, email });
    await t.db.delete(notificationEndpoints);
    inbox.mail.length = 0;
  });
  afterAll(async () => {
    await inbox?.close();
    await t?.drop();
  });

  it("delivers an event to the subscribed admin's inbox at the next drain, with a link to the console", async () => {
    const endpoint = await createEmailEndpoint(t.db, { email: "ops@arcadia.test", events: ["job.abandoned"] }, "test");
    await recordAbandonedJob(t.db, "sync-inventory-nightly");
    const summary = await drainOutbox(t.db, { ...localDelivery, email });
    expect(summary.succeeded).toBe(1);
    expect(inbox.mail).toHaveLength(1);
    expect(inbox.mail[0]!.to).toEqual(["ops@arcadia.test"]);
    expect(inbox.mail[0]!.from).toBe("notify@arcadia.test");
    expect(inbox.mail[0]!.raw).toContain("Subject: [arcadia-cloud] job.abandoned");
    expect(inbox.mail[0]!.raw).toContain("sync-inventory-nightly");
    expect(inbox.mail[0]!.raw).toContain("https://console.arcadia.test/activity");
    const [delivery] = await t.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.endpointId, endpoint.id));
    expect(delivery!.status).toBe("succeeded");
  });

  it("without SMTP_URL the attempt fails saying so and stays due for a retry", async () => {
    const endpoint = await createEmailEndpoint(t.db, { email: "ops@arcadia.test", events: ["job.abandoned"] }, "test");
    await recordAbandonedJob(t.db);
    const summary = await drainOutbox(t.db, { ...localDelivery, email: { ...email, smtpUrl: undefined } });
    expect(summary.failed).toBe(1);
    expect(inbox.mail).toHaveLength(0);
    const [delivery] = await t.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.endpointId, endpoint.id));
    expect(delivery!.status).toBe("pending");
  });

  it("a digest subscriber gets nothing per event, then one mail grouping the day's subscribed events, once", async () => {
    await createEmailEndpoint(t.db, { email: "cfo@arcadia.test", events: ["job.abandoned"], digest: true }, "test");
    await recordAbandonedJob(t.db, "first-job");
    await recordAbandonedJob(t.db, "second-job");
    await drainOutbox(t.db, { ...localDelivery, email });
    expect(inbox.mail).toHaveLength(0);

    const summary = await sendNotificationDigests(t.db, email, new Date(Date.now() + 1000));
    expect(summary).toEqual({ endpoints: 1, sent: 1, events: 2, failed: 0 });
    expect(inbox.mail).toHaveLength(1);
    expect(inbox.mail[0]!.to).toEqual(["cfo@arcadia.test"]);
    expect(inbox.mail[0]!.raw).toContain("Subject: [arcadia-cloud] 2 notifications today");
    expect(inbox.mail[0]!.raw).toMatch(/first-job[\s\S]*second-job/);

    const again = await sendNotificationDigests(t.db, email, new Date(Date.now() + 2000));
    expect(again.sent).toBe(0);
    expect(inbox.mail).toHaveLength(1);
  });
});
