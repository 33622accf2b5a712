import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { decimalToScaled, RATE_SCALE } from "@/lib/money/convert-cents";
import { roundDiv } from "@/lib/money/round-div";

// The European Central Bank's reference-rate XML (eurofxref-daily.xml, eurofxref-hist-90d.xml, eurofxref-hist.xml):
// <gesmes:Envelope><Cube><Cube time="YYYY-MM-DD"><Cube currency="USD" rate="1.0803"/>…; each rate is per 1 EUR.

/** One reference day: the currencies quoted per 1 EUR, as decimal strings. */
export interface EcbDay {
  date: string;
  perEur: Map<string, string>;
}

export class EcbFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EcbFormatError";
  }
}

const dayCube = z.object({
  time: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a day's time is not YYYY-MM-DD"),
  Cube: z
    .array(
      z.object({
        currency: z.string().regex(/^[A-Z]{3}$/, "a currency is not three capital letters"),
        // Positive, and few enough decimals to compute with exactly.
        rate: z.string().regex(/^\d{1,10}(\.\d{1,8})?$/, "a rate is not a positive decimal").refine((v) => /[1-9]/.test(v), "a rate is zero"),
      }),
    )
    .min(1, "a day has no rates"),
});
const envelope = z.object({
  Envelope: z.object({ Cube: z.array(z.object({ Cube: z.array(dayCube).min(1, "no reference days") })).length(1) }),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  // Rates stay strings (no float rounding); no entities to expand in this format.
  parseAttributeValue: false,
  processEntities: false,
  // With one day (the daily file) a Cube is an object, with many an array: always arrays.
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && name === "Cube",
});

/** Every day of the file, newest first as the ECB lists them; throws EcbFormatError on anything else. */
export function parseEcbRates(xml: string): EcbDay[] {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (err) {
    throw new EcbFormatError(`not well-formed XML (${err instanceof Error ? err.message.slice(0, 120) : "parse error"})`);
  }
  const parsed = envelope.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EcbFormatError(`not the ECB reference-rate format (${issue?.message ?? "unexpected shape"} at ${issue?.path.join(".") ?? "?"})`);
  }
  const days = parsed.data.Envelope.Cube[0]!.Cube.map((d) => ({ date: d.time, perEur: new Map(d.Cube.map((c) => [c.currency, c.rate])) }));
  return days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const unit = 10n ** BigInt(RATE_SCALE);

/** A rate scaled by 10^8 as a decimal string with 8 decimals (the fx_rates column's scale). */
function scaledToDecimal(scaled: bigint): string {
  return `${scaled / unit}.${(scaled % unit).toString().padStart(RATE_SCALE, "0")}`;
}

/**
 * 1 `base` in `quote` on a reference day, derived through EUR: (quote per EUR) ÷ (base per EUR), rounded half up
 * to 8 decimals. EUR itself is 1. Null when the day does not quote either currency (or the rate rounds to zero).
 */
export function crossRate(day: EcbDay, base: string, quote: string): string | null {
  const perEur = (c: string) => (c === "EUR" ? "1" : day.perEur.get(c));
  const b = perEur(base);
  const q = perEur(quote);
  if (b === undefined || q === undefined) return null;
  const scaled = roundDiv(decimalToScaled(q, RATE_SCALE) * unit, decimalToScaled(b, RATE_SCALE));
  return scaled > 0n ? scaledToDecimal(scaled) : null;
}
