import type { APIRequestContext, Page } from "@playwright/test";
import { arcadiaToken, expect } from "./fixtures";

/**
 * Seeds drift the way production gets it, through the app only: the demo account's inventory comes from a real sync
 * against the fake DigitalOcean API ("Run now" on the Jobs page), and desired specs go through arcadia-app's own
 * `PUT /api/v1/provisioned/:resourceId`. Works the same on PGlite and PostgreSQL, because nothing but the server
 * touches the database.
 */
export interface Droplet {
  id: string;
  name: string;
  region: string | null;
  size_slug: string | null;
  tags: string[];
}

const adminHeaders = () => ({ authorization: `Bearer ${arcadiaToken({ sub: "e2e-saga", role: "platform_admin" })}` });

export async function listDroplets(request: APIRequestContext, limit: number): Promise<Droplet[]> {
  const res = await request.get(`/api/v1/inventory?kind=droplet&sort=name&limit=${limit}`, { headers: adminHeaders() });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: Droplet[] }).data;
}

/** Syncs the demo account unless an earlier spec already did, and returns some of its droplets. */
export async function ensureDemoDroplets(page: Page, request: APIRequestContext, count: number): Promise<Droplet[]> {
  if ((await listDroplets(request, count)).length < count) {
    await page.goto("/jobs");
    await page.getByRole("table", { name: "Jobs" }).getByRole("button", { name: "Run now: sync-inventory" }).click();
    await expect(async () => {
      expect((await listDroplets(request, count)).length).toBe(count);
    }).toPass({ timeout: 60_000 });
  }
  return listDroplets(request, count);
}

export async function recordSpec(request: APIRequestContext, resourceId: string, spec: Record<string, unknown>) {
  const res = await request.put(`/api/v1/provisioned/${resourceId}`, { headers: adminHeaders(), data: { spec } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { data: { spec_version: number } }).data;
}

/** A size slug the droplet does not have: the "deliberately wrong size" of the original smoke test. */
export function wrongSize(droplet: Droplet): string {
  return droplet.size_slug === "s-1vcpu-1gb" ? "s-2vcpu-4gb" : "s-1vcpu-1gb";
}

export async function listOpenDrift(request: APIRequestContext, resourceId: string): Promise<{ id: string; field: string }[]> {
  const res = await request.get(`/api/v1/drift?resource=${resourceId}`, { headers: adminHeaders() });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: { id: string; field: string }[] }).data;
}

export function acceptThroughApi(request: APIRequestContext, driftId: string) {
  return request.post(`/api/v1/drift/${driftId}/accept`, { headers: adminHeaders() });
}
