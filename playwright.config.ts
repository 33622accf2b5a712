import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eEnv, e2eFakeDo } from "./e2e/env";

// Debian's chromium where it exists (this machine cannot download Playwright's browsers); Playwright's own elsewhere.
const systemChromium = "/usr/bin/chromium";
const port = Number(e2eEnv.PORT);

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // "fresh" runs first against the empty database (sign-in, empty states); "demo" then fills it through the app.
  projects: [
    { name: "fresh", testMatch: /(auth|a11y-empty|api-cors)\.spec\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "demo", dependencies: ["fresh"], testIgnore: /(auth|a11y-empty|api-cors)\.spec\.ts$/, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: [
    {
      command: `npx tsx scripts/fake-do.ts --port ${e2eFakeDo.port} --token ${e2eFakeDo.token} --seed 1 --demo-story`,
      url: `http://127.0.0.1:${e2eFakeDo.port}/v2/account`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npm run start -- -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/api/health`,
      env: e2eEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
