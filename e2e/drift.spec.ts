import { acceptThroughApi, ensureDemoDroplets, listOpenDrift, recordSpec, wrongSize } from "./drift-seed";
import { expect, test } from "./fixtures";

test("in the demo, an admin sees drift in the inbox, accepts one, watches it leave, and finds it in history", async ({ adminPage: page, request }) => {
  test.setTimeout(180_000);
  // Two droplets from the synced demo account: one with a wrong size and the right region, one with a wrong size and
  // a tag it does not carry (a list drift).
  const [one, two, three] = await ensureDemoDroplets(page, request, 3);
  await recordSpec(request, one!.id, { size_slug: wrongSize(one!), region: one!.region });
  await recordSpec(request, two!.id, { size_slug: wrongSize(two!), region: two!.region, tags: [...two!.tags, "e2e-expected-tag"] });
  await recordSpec(request, three!.id, { size_slug: wrongSize(three!) });

  await page.goto("/drift");
  await page.getByRole("button", { name: "Run sweep now: detect-drift" }).click();
  const groupOne = page.getByRole("table", { name: one!.name, exact: true });
  await expect(async () => {
    await page.reload();
    await expect(groupOne).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });

  // Only the size drifted on the first droplet; expected and actual sit side by side, with a link to the resource.
  await expect(groupOne.getByRole("rowheader")).toHaveText(["size_slug"]);
  const sizeRow = groupOne.getByRole("row", { name: /size_slug/ });
  await expect(sizeRow).toContainText(wrongSize(one!));
  await expect(sizeRow).toContainText(one!.size_slug!);
  await expect(page.getByRole("link", { name: one!.name, exact: true })).toHaveAttribute("href", `/resources/${one!.id}`);
  const groupTwo = page.getByRole("table", { name: two!.name, exact: true });
  await expect(groupTwo.getByRole("row", { name: /tags/ })).toContainText("e2e-expected-tag");
  const navDrift = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Drift/ });
  const openBefore = Number((await navDrift.textContent())?.match(/\d+/)?.[0] ?? 0);
  expect(openBefore).toBeGreaterThanOrEqual(3);

  // Accept one: the confirmation says what the spec becomes; the row leaves without a page load; a toast confirms.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  await sizeRow.getByRole("button", { name: `Accept live size_slug on ${one!.name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Accept 1 drift?" });
  await expect(dialog).toContainText(`Spec of ${one!.name} becomes`);
  await expect(dialog).toContainText(one!.size_slug!);
  await dialog.getByRole("button", { name: "Accept 1 drift" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Accepted size_slug on ${one!.name}` })).toContainText("version");
  await expect(groupOne).toHaveCount(0);
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(navDrift).toContainText(String(openBefore - 1));

  // Select several: both of the second droplet's drifts, accepted together after one confirmation.
  await groupTwo.getByRole("checkbox", { name: `Select size_slug on ${two!.name}` }).check();
  await groupTwo.getByRole("checkbox", { name: `Select tags on ${two!.name}` }).check();
  await page.getByRole("button", { name: "Accept selected (2)" }).click();
  const bulk = page.getByRole("dialog", { name: "Accept 2 drifts?" });
  await expect(bulk.getByRole("rowheader")).toHaveText(["size_slug", "tags"]);
  await bulk.getByRole("button", { name: "Accept 2 drifts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted 2 drifts on 1 resource" })).toBeVisible();
  await expect(groupTwo).toHaveCount(0);

  // Someone else accepts a drift while the confirmation is open: nothing changes, the refusal is announced.
  const groupThree = page.getByRole("table", { name: three!.name, exact: true });
  await groupThree.getByRole("button", { name: `Accept live size_slug on ${three!.name}` }).click();
  const racing = page.getByRole("dialog", { name: "Accept 1 drift?" });
  await expect(racing).toBeVisible();
  const [threeDrift] = await listOpenDrift(request, three!.id);
  expect((await acceptThroughApi(request, threeDrift!.id)).status()).toBe(200);
  await racing.getByRole("button", { name: "Accept 1 drift" }).click();
  await expect(racing.getByRole("alert")).toContainText("Nothing was accepted. Drift on size_slug is already accepted by arcadia-app:e2e-saga");
  // The refusal says when in words (no raw ISO time), and confirming again could only fail, so it cannot be pressed.
  await expect(racing.getByRole("alert")).toContainText(/ at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(racing.getByRole("button", { name: "Accept 1 drift" })).toBeDisabled();
  await racing.getByRole("button", { name: "Cancel" }).click();
  await expect(groupThree).toHaveCount(0);

  // History: the accepted drift, who accepted it and when.
  await page.getByRole("navigation", { name: "Drift views" }).getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/tab=history/);
  const history = page.getByRole("table", { name: "Drift history" });
  const accepted = history.getByRole("row").filter({ hasText: one!.name }).filter({ hasText: "size_slug" });
  await expect(accepted).toContainText("accepted");
  await expect(accepted).toContainText("e2e-admin@example.com");

  // The resource page shows the spec now holding the live value, at version 2 or later.
  await page.getByRole("link", { name: one!.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: one!.name })).toBeVisible();
  await expect(page.getByText(/Spec version \d+, recorded by e2e-admin@example\.com \(accepting drift\)/)).toBeVisible();
  // Its timeline tells the story in words: the drift found (spec → live) and the live value accepted, and by whom.
  const timeline = page.getByRole("list").filter({ hasText: "drift accepted" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Live value differs from the desired spec" }).first()).toContainText(
    `size_slug: ${wrongSize(one!)} → ${one!.size_slug}`,
  );
  await expect(timeline.getByRole("listitem").filter({ hasText: "Live value accepted into the spec" }).first()).toContainText(
    "by e2e-admin@example.com",
  );
  await page.screenshot({ path: test.info().outputPath("resource-timeline.png"), fullPage: true });
});
