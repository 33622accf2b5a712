import http from "node:http";
import type { AddressInfo } from "node:net";
import { ensureDemoDroplets, listOpenDrift, recordSpec, wrongSize } from "./drift-seed";
import { expect, test } from "./fixtures";

/** A webhook receiver on 127.0.0.1 (the e2e server runs with WEBHOOK_ALLOW_PRIVATE=1): the event types it was sent. */
async function startReceiver() {
  const types: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      types.push((JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type: string }).type);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/arcadia`, types, close: () => new Promise((r) => server.close(r)) };
}

test("an admin registers a webhook endpoint in the UI, drift is detected, and the delivery shows in the log", async ({ adminPage: page, request }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    await page.goto("/settings/notifications");
    await page.getByLabel("Endpoint URL", { exact: true }).fill(receiver.url);
    await page.getByLabel("Event types", { exact: true }).fill("drift.detected");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(/shown only now: whsec_/)).toBeVisible();
    await expect(page.getByRole("table", { name: "Notification endpoints" })).toContainText(receiver.url);

    // A droplet the drift spec leaves alone (it takes the first three), given a size it does not have: newly opened
    // drift, announced once.
    const droplets = await ensureDemoDroplets(page, request, 6);
    const target = droplets[5]!;
    expect(await listOpenDrift(request, target.id)).toEqual([]);
    await recordSpec(request, target.id, { size_slug: wrongSize(target) });
    await page.goto("/drift");
    await page.getByRole("button", { name: "Run sweep now: detect-drift" }).click();
    await expect(async () => {
      expect(receiver.types).toContain("drift.detected");
    }).toPass({ timeout: 60_000 });

    await page.goto("/settings/notifications");
    const log = page.getByRole("table", { name: "Delivery log" });
    await expect(log.getByRole("row", { name: /drift\.detected/ }).first()).toContainText("succeeded");

    // Send test: a notification.test through the real delivery path, the receiver's answer shown under the button.
    const endpoints = page.getByRole("table", { name: "Notification endpoints" });
    await endpoints.getByRole("button", { name: `Send test to ${receiver.url}` }).click();
    await expect(endpoints.getByRole("status").filter({ hasText: /Delivered: answered 204/ })).toBeVisible();
    expect(receiver.types).toContain("notification.test");
    await expect(log.getByRole("row", { name: /notification\.test/ }).first()).toContainText("succeeded");

    // Resend from the log: the drift event goes out again at once.
    const sent = receiver.types.filter((t) => t === "drift.detected").length;
    await log.getByRole("button", { name: `Resend drift.detected to ${receiver.url}` }).first().click();
    await expect(log.getByRole("status").filter({ hasText: /Delivered: answered 204/ })).toBeVisible();
    expect(receiver.types.filter((t) => t === "drift.detected").length).toBe(sent + 1);

    await page.getByLabel("Target gross margin %").fill("35");
    await page.getByRole("button", { name: "Save target" }).click();
    await expect(page.getByText("Target gross margin: 35 %.")).toBeVisible();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/team/shots/events/notification-settings-${width}.png`, fullPage: true });
    }
  } finally {
    await receiver.close();
  }
});
