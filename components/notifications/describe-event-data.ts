import { formatMoney } from "@/lib/money/format-money";

const shownItems = 3;

function nameOf(value: unknown): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const name = o.name ?? o.id;
    if (typeof name === "string" || typeof name === "number") return String(name);
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * An event's payload as the feed shows it: amounts in `*_cents` with the event's currency, a list by its count and
 * first few names, a nested resource by its name, and no empty fields. The webhook gets the payload as it is.
 */
export function describeEventData(data: Record<string, unknown>): string {
  const currency = typeof data.currency === "string" ? data.currency : null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    if (key.endsWith("_cents") && typeof value === "number" && currency) {
      parts.push(`${key.slice(0, -"_cents".length)}: ${formatMoney(value, currency)}`);
    } else if (Array.isArray(value)) {
      const isObjects = value.some((v) => v && typeof v === "object");
      const names = value.slice(0, shownItems).map(nameOf);
      const more = value.length > shownItems ? ", …" : "";
      parts.push(isObjects ? `${key}: ${value.length} (${names.join(", ")}${more})` : `${key}: ${names.join(", ")}${more}`);
    } else if (typeof value === "object") {
      parts.push(`${key}: ${nameOf(value)}`);
    } else {
      parts.push(`${key}: ${String(value)}`);
    }
  }
  return parts.join(" · ");
}
