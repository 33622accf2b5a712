import type { Tone } from "@/components/ui/badge";
import { formatDecimalMoney } from "@/lib/money/format-money";

// How requests read in the console. Driven by the values themselves, so an action or status added later still reads.

/** "create_droplet" → "Create droplet". */
export function actionLabel(action: string): string {
  const words = action.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, " ");
}

const statusTones: Record<string, Tone> = {
  queued: "neutral",
  awaiting_approval: "amber",
  running: "blue",
  succeeded: "green",
  failed: "red",
  compensated: "violet",
  cancelled: "neutral",
  skipped: "neutral",
};

export function statusTone(status: string): Tone {
  return statusTones[status] ?? "neutral";
}

/** What the request asks for in a few words: the droplet's name, size and region where it has them. */
export function describeParams(params: Record<string, unknown>): string {
  return ["name", "field", "size", "region", "volume_gb"]
    .map((key) => params[key])
    .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
    .map(String)
    .join(" · ");
}

/** Whether its saga may still move on by itself (awaiting approval waits for a person, not a refresh). */
export function isInFlight(status: string): boolean {
  return status === "queued" || status === "running";
}

export function isDecidable(status: string): boolean {
  return status === "awaiting_approval";
}

export function isCancellableStatus(status: string): boolean {
  return status === "queued" || status === "awaiting_approval";
}

/** What the request adds to DO's bill a month, as every amount in the console reads ("US$1,008.00"). */
export function monthlyCostLabel(approval: { monthly_cogs: string; currency: string }): string {
  return formatDecimalMoney(approval.monthly_cogs, approval.currency);
}
