"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";

type Answer = { isSuccess: boolean };

/**
 * "Send test" (an endpoint) or "Resend" (a delivery of the log): one press sends at once, and the receiver's answer
 * shows under the button, in red when it was not delivered.
 */
export function DeliverNowButton({
  action,
  name,
  value,
  label,
  ariaLabel,
}: {
  action: ServerAction<Answer>;
  /** The hidden input the action reads: endpoint_id or delivery_id. */
  name: string;
  value: string;
  label: string;
  ariaLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<Answer>, FormData>(action, idleResult);
  const isFailure = state.status === "error" || (state.status === "ok" && !state.data?.isSuccess);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name={name} value={value} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={ariaLabel}>
        {pending ? "Sending…" : label}
      </Button>
      <p role="status" className={isFailure ? "max-w-56 text-right text-xs text-red-700" : "max-w-56 text-right text-xs text-emerald-800"}>
        {state.message ?? null}
      </p>
    </form>
  );
}
