import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ServerAction } from "@/lib/http/action-result";
import type { ProvisioningRequestItem } from "@/lib/provisioning/schemas";
import { actionLabel, describeParams, isCancellableStatus, isDecidable, monthlyCostLabel } from "./request-labels";

export interface DecisionActions {
  approve: ServerAction;
  reject: ServerAction;
  cancel: ServerAction;
}

/** Approve and Reject while it waits for approval, Cancel until its saga reaches DO; each behind a confirmation. */
export function RequestDecisions({ request: r, actions }: { request: ProvisioningRequestItem; actions: DecisionActions }) {
  if (!isCancellableStatus(r.status)) return null;
  const what = `${actionLabel(r.action).toLowerCase()} ${describeParams(r.params)} for ${r.tenant_id}`;
  const cost = `It adds ${monthlyCostLabel(r.approval)} a month to DO's bill.`;
  return (
    <div className="flex flex-wrap gap-2">
      {isDecidable(r.status) ? (
        <>
          <ConfirmDialog trigger="Approve" triggerVariant="primary" title="Approve this request?" confirmLabel="Approve" pendingLabel="Approving…" action={actions.approve} fields={{ id: r.id }}>
            <p>
              The saga carries on and asks DigitalOcean to {what}. {cost}
            </p>
          </ConfirmDialog>
          <ConfirmDialog trigger="Reject" title="Reject this request?" confirmLabel="Reject" pendingLabel="Rejecting…" confirmVariant="danger" action={actions.reject} fields={{ id: r.id }}>
            <p>The request ends cancelled before anything reaches DigitalOcean, and what it reserved of the tenant's allowances is released.</p>
          </ConfirmDialog>
        </>
      ) : null}
      <ConfirmDialog trigger="Cancel request" triggerVariant="ghost" title="Cancel this request?" confirmLabel="Cancel request" pendingLabel="Cancelling…" confirmVariant="danger" action={actions.cancel} fields={{ id: r.id }}>
        <p>
          Nothing reaches DigitalOcean: the request to {what} ends cancelled, its reservation is released, and the event log records that you cancelled it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
