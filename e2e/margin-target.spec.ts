import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

const shots = "/tmp/team/shots/margin-target";

async function saveTarget(page: Page, value: string) {
  await page.goto("/settings/notifications");
  await page.getByLabel("Target gross margin %").fill(value);
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByText(value === "" ? "No target margin: nothing is announced as below target." : `Target gross margin: ${value} %.`)).toBeVisible();
}

// One target margin: /margin/plans prices for the one stored in the notification settings (the one margin.below_target
// judges by); its own field is a what-if over it, said to be one.
test("the plans view prices for the stored target margin, and a what-if over it says so", async ({ adminPage: page }) => {
  await page.goto("/settings/notifications");
  const before = await page.getByLabel("Target gross margin %").inputValue();
  try {
    await saveTarget(page, "");
    await page.goto("/margin/plans");
    await expect(page.getByText("No target margin is stored, so prices below meet 60 %, a default.")).toBeVisible();

    await saveTarget(page, "42.5");
    await page.goto("/margin/plans");
    const whatIf = page.getByLabel("What-if target margin %");
    await expect(whatIf).toHaveValue("");
    await expect(whatIf).toHaveAttribute("placeholder", "42.5");
    await expect(page.getByText("Prices below meet the stored target margin, 42.5 %")).toBeVisible();
    const tables = page.getByRole("table", { name: /COGS per subscription and the base price it needs/ });
    if ((await tables.count()) > 0) await expect(tables.first().getByRole("columnheader", { name: "Base price for 42.5 % margin" })).toBeVisible();
    await expectAccessible(page, "/margin/plans with a stored target");

    await whatIf.fill("50");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/[?&]target=50(&|$)/);
    await expect(page.getByText("What-if: prices below meet 50 %, not the stored target (42.5 %)")).toBeVisible();
    if ((await tables.count()) > 0) await expect(tables.first().getByRole("columnheader", { name: "Base price for 50 % margin" })).toBeVisible();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/plans-what-if-${width}.png`, fullPage: true });
    }
    // Cleared, the field goes back to the stored target.
    await page.getByLabel("What-if target margin %").fill("");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).not.toHaveURL(/[?&]target=\d/);
    await expect(page.getByText("Prices below meet the stored target margin, 42.5 %")).toBeVisible();
  } finally {
    await saveTarget(page, before);
  }
});
