import { z } from "zod";

/**
 * The primitives every input schema (API query strings and bodies, pages' search params, forms) builds on, so input
 * the database cannot store exactly is a 400 at the boundary instead of a failed query or a silently altered value.
 */

/**
 * Text PostgreSQL stores as given: text and jsonb refuse NUL, and the driver would turn an unpaired UTF-16 surrogate
 * (which JSON can carry as `\ud800`) into U+FFFD without a word.
 */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && s.isWellFormed();
}

export const unstorableTextMessage = "must not contain NUL characters or unpaired UTF-16 surrogates";

export const textSchema = z.string().refine(isStorableText, { message: unstorableTextMessage, abort: true });

/**
 * Dates and times are accepted for the years 2000 to 2099 (UTC) only: every date this service handles (DO resources,
 * invoices, subscriptions, usage) lies there, and outside it JavaScript and PostgreSQL disagree (year 0 does not
 * exist in PostgreSQL, two-digit years are read as 19xx/20xx), so a value could not round-trip exactly.
 */
export const supportedYears = { from: 2000, to: 2099 } as const;
const supportedRangeMessage = `must fall in the years ${supportedYears.from} to ${supportedYears.to}`;
const minInstant = Date.UTC(supportedYears.from, 0, 1);
const endInstant = Date.UTC(supportedYears.to + 1, 0, 1);

export function isSupportedInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= minInstant && ms < endInstant;
}

/**
 * An ISO 8601 date-time with an offset, a real calendar moment (zod checks the day exists), at most millisecond
 * precision (what a JavaScript Date keeps) and within the supported years once converted to UTC.
 */
export function dateTimeSchema(error = "Use an ISO 8601 date-time with an offset, e.g. 2026-04-01T00:00:00Z") {
  return z.iso
    .datetime({ offset: true, error, abort: true })
    .refine((v) => !/\.\d{4,}/.test(v), "at most millisecond precision (three fractional digits)")
    .refine((v) => isSupportedInstant(Date.parse(v)), `${supportedRangeMessage} (UTC)`);
}

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** A real `YYYY-MM-DD` (or `YYYY-MM`) in the supported years. Plain arithmetic: no Date, so no two-digit-year rules. */
export function isSupportedCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  return year >= supportedYears.from && year <= supportedYears.to && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A month as `YYYY-MM`, or as any real day of it `YYYY-MM-DD`, within the supported years; parsed to `YYYY-MM-01`.
 * `message` says which form the caller should use.
 */
export function monthStartSchema(message: string) {
  return z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { message, abort: true })
    .refine(isSupportedCalendarDate, `must be a real date ${supportedRangeMessage}`)
    .transform((v) => `${v.slice(0, 7)}-01`);
}
