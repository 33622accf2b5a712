import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ServerAction } from "@/lib/http/action-result";

/** The explorer before any invoice is in: where lines come from, and the button that discovers them. */
export function NoInvoicesYet({ runJob }: { runJob: ServerAction }) {
  return (
    <Card>
      <EmptyState title="No invoices ingested yet" action={<RunJobButton action={runJob} job="discover-invoices" label="Discover invoices" />}>
        <p>
          Invoice lines appear here once the billing history has been discovered and the invoices ingested. The{" "}
          <code className="rounded bg-slate-100 px-1">discover-invoices</code> job runs daily at 02:23 UTC; run it now with the button
          below or <code className="rounded bg-slate-100 px-1">npm run job -- discover-invoices</code>.
        </p>
      </EmptyState>
    </Card>
  );
}
