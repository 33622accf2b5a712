"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { type RunJobState, runJobNow } from "@/app/(admin)/jobs/actions";
import { Button } from "@/components/ui/button";

/** "Run now" for one job; the outcome (sent to Inngest, or running inline) is announced next to the button. */
export function RunJobButton({
  job,
  label = "Run now",
  args,
  ariaLabel,
}: {
  job: string;
  label?: string;
  args?: Record<string, unknown>;
  /** When several buttons run the same job (one per invoice), each needs its own accessible name. */
  ariaLabel?: string;
}) {
  const [state, action, pending] = useActionState<RunJobState, FormData>(runJobNow, {});
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="job" value={job} />
      {args ? <input type="hidden" name="args" value={JSON.stringify(args)} /> : null}
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={ariaLabel ?? `${label}: ${job}`}>
        {pending ? "Starting…" : label}
      </Button>
      <p role="status" className={state.ok === false ? "max-w-xs text-right text-xs text-red-700" : "max-w-xs text-right text-xs text-slate-600"}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
