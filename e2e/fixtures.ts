import { createHmac } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { e2eAdmin, e2eEnv } from "./env";

/** Signs an arcadia-app token the way Guardian does (HS512), for the sign-in link. */
export function arcadiaToken(claims: Record<string, unknown>): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${enc({ alg: "HS512", typ: "JWT" })}.${enc({ iss: e2eEnv.ARCADIA_JWT_ISSUER, exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${input}.${createHmac("sha512", e2eEnv.ARCADIA_JWT_SECRET!).update(input).digest("base64url")}`;
}

/** Signs in through the arcadia link (only the login spec uses the password form). */
export async function signInWithLink(page: Page, claims: Record<string, unknown>) {
  await page.goto(`/auth/arcadia?token=${arcadiaToken(claims)}`);
  await expect(page).not.toHaveURL(/token=/);
}

/** What Chromium reports when the Content-Security-Policy blocks something. */
const cspViolation = /Content Security Policy|Refused to (execute|load|apply|connect|frame)/i;

export const test = base.extend<{ adminPage: Page }>({
  // Every spec's page fails its test if the CSP blocked anything on any page it visited.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" && cspViolation.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
    });
    await use(page);
    expect(violations, "CSP violations").toEqual([]);
  },
  adminPage: async ({ page }, use) => {
    await signInWithLink(page, { sub: "e2e-admin", role: "platform_admin", email: e2eAdmin.email });
    await use(page);
  },
});

export { expect };
