import { mkdirSync } from "node:fs";
import { ensureDemoDroplets, recordSpec } from "./drift-seed";
import { arcadiaToken, expect, test } from "./fixtures";

const shots = "/tmp/team/shots/revert";
// Sizes whose disk s-2vcpu-4gb (80 GB) does not shrink: a resize to it is one DO allows.
const smallSizes = ["s-1vcpu-512mb-10gb", "s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-2gb"];

test("an admin reverts a drift at DO from the inbox, through the dialog, and watches it leave as reverted", async ({ adminPage: page, request }) => {
  test.setTimeout(240_000);
  const droplets = await ensureDemoDroplets(page, request, 12);
  // Droplets the accept spec (drift.spec.ts) does not use: it takes the first three by name.
  const small = droplets.slice(3).find((d) => smallSizes.includes(d.size_slug ?? ""));
  const other = droplets.slice(3).find((d) => d.id !== small?.id && d.region);
  expect(small, "a demo droplet small enough to resize up").toBeTruthy();
  await recordSpec(request, small!.id, { size_slug: "s-2vcpu-4gb" });
  await recordSpec(request, other!.id, { region: other!.region === "syd1" ? "sgp1" : "syd1" });

  await page.goto("/drift");
  await page.getByRole("button", { name: "Run sweep now: detect-drift" }).click();
  const group = page.getByRole("table", { name: small!.name, exact: true });
  await expect(async () => {
    await page.reload();
    await expect(group).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });

  // DO cannot move a droplet between regions: the button is disabled and the row says why.
  const regionRow = page.getByRole("table", { name: other!.name, exact: true }).getByRole("row", { name: /region/ });
  const cannot = regionRow.getByRole("button", { name: `Revert region on ${other!.name} to spec` });
  await expect(cannot).toBeDisabled();
  await expect(cannot).toHaveAccessibleDescription(/Can’t revert: DO cannot move a droplet to another region in place/);

  // The dialog says exactly what DO will be asked to do.
  const sizeRow = group.getByRole("row", { name: /size_slug/ });
  await sizeRow.getByRole("button", { name: `Revert size_slug on ${small!.name} to spec` }).click();
  const dialog = page.getByRole("dialog", { name: `Revert size_slug on ${small!.name} to spec?` });
  await expect(dialog).toContainText(`Resize droplet ${small!.name} from ${small!.size_slug} to s-2vcpu-4gb: DO`);
  await expect(dialog).toContainText("The spec stays as it is.");
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${shots}/dialog-1440.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/dialog-390.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  await dialog.getByRole("button", { name: "Revert at DigitalOcean" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Asked DigitalOcean to revert size_slug on ${small!.name}` })).toBeVisible();
  await expect(dialog).toBeHidden();
  // Until DO is done the row shows the revert under way, linked to its request (the saga may already be done).
  const underWay = sizeRow.getByRole("link", { name: `view request for size_slug on ${small!.name}` });
  if (await underWay.isVisible()) {
    await expect(underWay).toHaveAttribute("href", /^\/operations\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: `${shots}/under-way-1440.png` });
  }
  // The saga powers the droplet off, resizes it and powers it on; the page follows it until the drift has closed.
  await expect(group).toHaveCount(0, { timeout: 120_000 });

  await page.getByRole("navigation", { name: "Drift views" }).getByRole("link", { name: "History" }).click();
  const reverted = page.getByRole("table", { name: "Drift history" }).getByRole("row").filter({ hasText: small!.name }).filter({ hasText: "size_slug" });
  await expect(reverted).toContainText("reverted");
  await expect(reverted).toContainText("e2e-admin@example.com");
  const res = await request.get(`/api/v1/inventory?kind=droplet&sort=name&limit=12`, {
    headers: { authorization: `Bearer ${arcadiaToken({ sub: "e2e", role: "platform_admin" })}` },
  });
  const after = ((await res.json()) as { data: { id: string; size_slug: string }[] }).data.find((d) => d.id === small!.id);
  expect(after?.size_slug).toBe("s-2vcpu-4gb");
});
