// The fake DigitalOcean API: the only fake in the test suite (STYLE.md), used by tests, the demo and benchmarks.
//
//   const fake = await startFakeDo({ seed: 1, droplets: 450, now: new Date("2026-05-15T12:00:00Z") });
//   const client = createDoClient({ token: "any", baseUrl: fake.url, retryBaseMs: 5 });
//   fake.faults.set("/v2/droplets", { type: "fail_page", page: 2, status: 500, times: Infinity });
//   fake.addDroplet({ name: "tenant-acme-vm-99", tags: ["tenant:acme"] });   // or edit fake.account.* directly
//   expect(fake.requests.filter((r) => r.path === "/v2/droplets")).toHaveLength(3);
//   fake.faults.set("/v2/droplets", { type: "errored_action", method: "POST" });   // the next create ends errored
//   fake.actions();                                                              // every action started, by DO's shapes
//   await fake.close();
//
// Writes (create, droplet actions, delete, tags, project assignment) follow DO's rules; actions finish after
// `actionDurationMs`. Pass `now` when a test depends on dates or invoice amounts; otherwise it is the start time.
// `fake.billing` exposes the invoices and their lines so tests can compute expected costs without going through HTTP.

export type { AddDropletInput, DropletPatch } from "./create-account-helpers";
export type { FakeInvoice } from "./create-billing";
export type { Fault } from "./create-faults";
export { defaultAccountSizes, generateAccount, getMonthStart } from "./generate-account";
export { type FakeDo, type RecordedRequest, type StartFakeDoOptions, startFakeDo } from "./start-fake-do";
export type * from "./types";
