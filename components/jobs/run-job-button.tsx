"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";

/** "Run now" for one job; the outcome (sent to Inngest, or running inline) is announced next to the button. */
export function RunJobButton({
  action,
  job,
  label = "Run now",
  args,
  ariaLabel,
}: {
  /** The jobs page's runJobNow, handed down by the page. */
  action: ServerAction;
  job: string;
  label?: string;
  args?: Record<string, unknown>;
  /** When several buttons run the same job (one per invoice), each needs its own accessible name. */
  ariaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  const router = useRouter();
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="job" value={job} />
      {args ? <input type="hidden" name="args" value={JSON.stringify(args)} /> : null}
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={ariaLabel ?? `${label}: ${job}`}>
        {pending ? "Starting…" : label}
      </Button>
      <p role="status" className={state.status === "error" ? "max-w-xs text-right text-xs text-red-700" : "max-w-xs text-right text-xs text-slate-600"}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
