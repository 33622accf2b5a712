import Link from "next/link";
import { TextField } from "@/components/ui/field";
import type { PlanPriceTarget } from "@/lib/billing/plan-price-target";

const pct = (v: number) => `${v} %`;
const noteId = "margin-target-source";

/** Where the priced-for target comes from, in words: the stored target, a what-if over it, or the fallback. */
function targetSource(target: PlanPriceTarget): string {
  const stored = target.stored === null ? null : pct(target.stored);
  if (target.source === "what_if") return `What-if: prices below meet ${pct(target.pct)}, not the stored target (${stored ?? "none set"}); clear the field to go back.`;
  if (target.source === "fallback") return `No target margin is stored, so prices below meet ${pct(target.pct)}, a default.`;
  if (target.pct !== target.stored) return `The stored target is ${stored}; a base price can meet ${pct(target.pct)} at the nearest, so prices below do.`;
  return `Prices below meet the stored target margin, ${stored}; type a figure for a what-if.`;
}

/** The plans view's what-if target: blank, it prices for the stored target, which stays the one source of truth. */
export function PlanTargetField({ target }: { target: PlanPriceTarget }) {
  return (
    <TextField
      id="margin-target"
      name="target"
      type="number"
      min={0}
      max={95}
      step={0.1}
      label="What-if target margin %"
      placeholder={target.source === "what_if" ? undefined : String(target.pct)}
      defaultValue={target.source === "what_if" ? target.pct : undefined}
      aria-describedby={noteId}
      inputClassName="w-24"
    />
  );
}

/** Said under the form, and read with the field: which target the prices meet and where it is set. */
export function PlanTargetNote({ target }: { target: PlanPriceTarget }) {
  return (
    <p id={noteId} className="px-5 py-2 text-sm text-slate-600">
      {targetSource(target)} The target is set in{" "}
      <Link href="/settings/notifications" className="font-medium underline">
        notification settings
      </Link>
      , and margin.below_target events are judged by it.
    </p>
  );
}
