import type { AccountHelpers } from "./create-account-helpers";
import type { FakeAccount } from "./types";

// The demo's events on DigitalOcean's side, which no generated account has: the console exists to catch them.

/** A droplet a tenant destroyed from DO's control panel once the demo had first synced it (our spec still wants it). */
export const demoDestroyedDroplet = "tenant-initech-vm-2";

/** The month (months before the current one) whose invoice DO totals below its CSV lines: a credit the CSV leaves out. */
export const demoUnlistedCredit = { monthsBack: 2, cents: -2_500 };

/**
 * Watches the responses: after the first complete, unfiltered droplet listing, the destroyed droplet is gone (it stays
 * on invoices up to now, as a droplet deleted in DO does). So a first sync sees it and every later one does not.
 */
export function createDemoStory(account: FakeAccount, helpers: AccountHelpers) {
  let isDestroyed = false;
  return {
    observe(method: string, path: string, query: URLSearchParams, json: unknown): void {
      if (isDestroyed || method !== "GET" || path !== "/v2/droplets" || query.has("tag_name")) return;
      if ((json as { links?: { pages?: { next?: string } } }).links?.pages?.next) return;
      isDestroyed = true;
      const droplet = account.droplets.find((d) => d.name === demoDestroyedDroplet);
      if (droplet) helpers.removeResource("droplets", droplet.id);
    },
  };
}
