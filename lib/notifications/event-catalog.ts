import { z } from "zod";
import { provisioningActions } from "@/db/schema/provisioning-constants";
import { resourceKinds } from "@/db/schema/resources";

/**
 * The one catalogue of notification events: each type's `data`, as sent in a delivery's body
 * `{ "type", "timestamp", "data" }` and documented in the OpenAPI document's `webhooks`. Producers write them with
 * recordEvents(tx, …) in the transaction of the change that causes them. Money is integer cents in `currency`.
 */

const cents = z.number().int().describe("Integer cents in `currency`");
const currency = z.string().length(3).describe("ISO 4217 code");
const instant = z.string().describe("ISO 8601 date-time (UTC)");
const month = z.string().regex(/^\d{4}-\d{2}$/).describe("A month, YYYY-MM");

const resourceRef = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    kind: z.enum(resourceKinds),
    region: z.string().nullable(),
  })
  .describe("The resource, as /api/v1/inventory lists it");

const driftDetected = z.object({
  drift_id: z.string().uuid(),
  resource: resourceRef,
  field: z.string().describe("The spec field that differs (a column or a dotted path into the DO object)"),
  expected: z.unknown().describe("The spec's value (null when the spec has none)"),
  actual: z.unknown().describe("The live value (null when the resource has none)"),
  spec_version: z.number().int(),
  detected_at: instant,
});

const driftResolved = z.object({
  drift_id: z.string().uuid(),
  resource: resourceRef,
  field: z.string(),
  resolution: z.enum(["accepted", "stale", "reverted"]).describe("accepted: the live value became the spec; stale: the field matches again; reverted: a revert_drift request made DO match the spec"),
  resolved_by: z.string(),
  resolved_at: instant,
  expected: z.unknown(),
  actual: z.unknown(),
});

const syncFailed = z.object({
  sync_run_id: z.string().uuid(),
  job_run_id: z.string().uuid().nullable(),
  trigger: z.string(),
  kinds: z.array(z.string()).describe("Every kind the run covered"),
  failed: z
    .array(
      z.object({
        kind: z.string(),
        error: z.string(),
        incomplete_listing: z.boolean().describe("DO's listing ended short (missing pages or a total that did not add up): nothing was tombstoned"),
      }),
    )
    .min(1),
  finished_at: instant,
});

const invoiceRef = {
  invoice_uuid: z.string(),
  period: month,
};

const invoiceIngested = z.object({
  ...invoiceRef,
  currency,
  amount_cents: cents.describe("DO's invoice amount"),
  lines_total_cents: cents.describe("The sum of the ingested lines"),
  difference_cents: cents.describe("lines_total_cents - amount_cents: 0 when the invoice reconciles"),
  reconciles: z.boolean(),
  line_count: z.number().int(),
  resource_line_count: z.number().int(),
  matched_count: z.number().int().describe("Resource lines matched to a known resource (by id or name)"),
  match_rate: z.number().min(0).max(1).nullable().describe("matched_count / resource_line_count; null without resource lines"),
});

const invoiceFailed = z.object({ ...invoiceRef, error: z.string() });

const invoiceUnreconciled = z.object({
  ...invoiceRef,
  currency,
  amount_cents: cents,
  lines_total_cents: cents,
  difference_cents: cents,
});

const scope = z.object({
  type: z.enum(["account", "project", "tenant", "kind"]),
  id: z.string().nullable().describe("The project id, tenant id or resource kind; null for the whole account"),
  name: z.string().nullable(),
});

const costAnomaly = z.object({
  dimension: z.enum(["kind", "project", "tenant"]).describe("What the costs were grouped by, as GET /api/v1/billing/costs groups them"),
  group: z.string().nullable().describe("The group's value (a kind, a project name, a tenant id); null for lines without one"),
  group_label: z.string(),
  month,
  currency,
  amount_cents: cents.describe("The group's invoiced cost of the month"),
  baseline_cents: cents.describe("The median of its three months before"),
  increase_cents: cents,
  increase_pct: z.number().nullable().describe("Percent above the baseline; null when the baseline is not positive"),
});

const unbilledReason = z
  .enum(["unknown_tenant", "no_subscription", "trial"])
  .describe("unknown_tenant: arcadia-app never sent the tenant; no_subscription: none in force; trial: only a trial");

const usageUnbilled = z.object({
  tenant_id: z.string(),
  tenant_name: z.string().nullable(),
  month,
  reason: unbilledReason,
  resources: z.array(resourceRef).describe("Its tagged resources in the inventory (the first 100 by name)"),
  resource_count: z.number().int().describe("How many tagged resources it has in all"),
  monthly_cost_cents: cents.nullable().describe("Their COGS of the month in `currency`, once an invoice says; null before"),
  currency: currency.nullable(),
});

const marginBelowTarget = z.object({
  scope: z.enum(["plan", "tenant"]),
  id: z.string(),
  name: z.string().nullable(),
  month,
  currency,
  revenue_cents: cents,
  cogs_cents: cents,
  margin: z.number().describe("(revenue - cogs) / revenue, a fraction (0.25 is 25 %)"),
  target: z.number().describe("The target gross margin the admin set, a fraction"),
});

const budgetThreshold = z.object({
  budget_id: z.string(),
  name: z.string(),
  scope,
  month,
  currency,
  budget_cents: cents,
  threshold_percent: z.number().int().min(1),
  basis: z.enum(["actual", "projected"]).describe("Crossed by month-to-date COGS, or by its projection to month end"),
  actual_cents: cents,
  projected_cents: cents,
});

const jobAbandoned = z.object({
  job_run_id: z.string().uuid(),
  job: z.string(),
  started_at: instant,
  heartbeat_at: instant,
  error: z.string(),
});

const provisioningRequest = {
  request_id: z.string().uuid(),
  tenant_id: z.string(),
  action: z.enum(provisioningActions),
  requested_by: z.string().describe("Who asked: arcadia-app's token subject (`arcadia-app:<sub>`)"),
  dry_run: z.boolean(),
};

const provisioningRequested = z.object({
  ...provisioningRequest,
  params: z.record(z.string(), z.unknown()),
  status: z.enum(["queued", "awaiting_approval"]),
  monthly_cogs_cents: cents.describe("What the request adds to DO's monthly bill, in US cents"),
  requested_at: instant,
});

const provisioningSucceeded = z.object({
  ...provisioningRequest,
  resource_id: z.string().uuid().nullable().describe("The droplet's inventory id (null in a dry run)"),
  provider_id: z.string().nullable(),
  finished_at: instant,
});

const provisioningFailed = z.object({
  ...provisioningRequest,
  status: z.enum(["failed", "compensated", "cancelled"]).describe("compensated: what it had created at DO was deleted again; cancelled: rejected"),
  error: z.string().nullable(),
  finished_at: instant,
});

const notificationTest = z.object({
  endpoint_id: z.string().uuid(),
  requested_by: z.string().describe("The admin who pressed Send test"),
  message: z.string(),
});

export const eventCatalog = {
  "drift.detected": { schema: driftDetected, summary: "Newly opened drift: sent once per drift, never again while it stays open" },
  "drift.resolved": { schema: driftResolved, summary: "Open drift closed: accepted, reverted at DO by a revert request, or stale because the field matches again" },
  "sync.failed": { schema: syncFailed, summary: "An inventory sync run failed for one or more kinds, an incomplete listing included" },
  "invoice.ingested": { schema: invoiceIngested, summary: "An invoice's lines were ingested, with the match rate and whether it reconciles" },
  "invoice.failed": { schema: invoiceFailed, summary: "An invoice could not be ingested (its previous lines stay)" },
  "invoice.unreconciled": { schema: invoiceUnreconciled, summary: "An ingested invoice's lines do not add up to DO's amount" },
  "cost.anomaly": {
    schema: costAnomaly,
    summary: "An invoiced month's cost of a kind, project or tenant is anomalous (COST_ANOMALY_MIN_PCT and _USD above its trailing median): once per group and month",
  },
  "usage.unbilled": { schema: usageUnbilled, summary: "A tenant's tagged resources have no billed subscription in force: once per tenant and month" },
  "margin.below_target": { schema: marginBelowTarget, summary: "A plan or tenant's invoiced month is under the target gross margin: once per plan or tenant and month" },
  "budget.threshold": { schema: budgetThreshold, summary: "A budget threshold was crossed (once per threshold and month)" },
  "job.abandoned": { schema: jobAbandoned, summary: "A job run's process died: its heartbeat stopped" },
  "provisioning.requested": { schema: provisioningRequested, summary: "A provisioning request was accepted, with who asked" },
  "provisioning.succeeded": { schema: provisioningSucceeded, summary: "A provisioning request's saga finished: DO did what it asked" },
  "provisioning.failed": { schema: provisioningFailed, summary: "A provisioning request ended without success: failed, compensated or rejected" },
  "notification.test": { schema: notificationTest, summary: "Sent by Send test on /settings/notifications, to that endpoint only, whatever it subscribes to" },
} as const;

export type EventType = keyof typeof eventCatalog;
export const eventTypes = Object.keys(eventCatalog) as [EventType, ...EventType[]];
export const eventTypeSchema = z.enum(eventTypes);

export type EventData<T extends EventType> = z.input<(typeof eventCatalog)[T]["schema"]>;

/** One event as a producer hands it over: its type, its data, and when the change happened (default: now). */
export type NotificationEvent = { [T in EventType]: { type: T; data: EventData<T>; occurredAt?: Date } }[EventType];

export function isEventType(v: string): v is EventType {
  return Object.hasOwn(eventCatalog, v);
}
