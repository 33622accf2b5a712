import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { platformSettings } from "@/db/schema";

const key = "margin.target_pct";

/**
 * The target gross margin, in percent of revenue: a plan's or a tenant's invoiced month below it is announced
 * (`margin.below_target`). Under 100 (no margin can reach it), not below -100, to one decimal; empty clears it.
 */
export const marginTargetValue = z
  .number({ error: "Enter a percentage, e.g. 35." })
  .min(-100, "A target margin cannot be below -100 %.")
  .max(99.9, "A target margin must be under 100 %.")
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, "At most one decimal, e.g. 37.5.");

/** The form's field: a number as typed ("35", "37.5 %"), or empty for no target. */
export const marginTargetField = z
  .string()
  .trim()
  .max(20)
  .transform((v, ctx) => {
    const text = v.replace(/\s*%$/, "");
    if (text === "") return null;
    if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "Enter a percentage, e.g. 35." });
      return z.NEVER;
    }
    return Number(text);
  })
  .pipe(marginTargetValue.nullable());

/** The target in percent, or null when the admin has set none (then nothing is judged below target). */
export async function getMarginTarget(db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ value: platformSettings.value }).from(platformSettings).where(eq(platformSettings.key, key));
  const parsed = marginTargetValue.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Sets (or, with null, clears) the target; the value is checked here too, whoever calls. */
export async function setMarginTarget(db: DbOrTx, pct: number | null, actor: string): Promise<void> {
  if (pct === null) {
    await db.delete(platformSettings).where(eq(platformSettings.key, key));
    return;
  }
  const value = marginTargetValue.parse(pct);
  await db
    .insert(platformSettings)
    .values({ key, value, updatedBy: actor })
    .onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedBy: actor, updatedAt: sql`now()` } });
}
