import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ServerAction } from "@/lib/http/action-result";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";

/** The explorer before any invoice is in: where lines come from, and the button that discovers them. */
export function NoInvoicesYet({ runJob, run }: { runJob: ServerAction; /** discover-invoices' latest run, which the button follows. */ run: JobRunDto | null }) {
  return (
    <Card>
      <EmptyState title="No invoices ingested yet" action={<RunJobButton action={runJob} job="discover-invoices" label="Discover invoices" run={run} />}>
        <p>
          Invoice lines appear here once the billing history has been discovered and the invoices ingested. The{" "}
          <code className="rounded bg-slate-100 px-1">discover-invoices</code> job runs daily at 02:23 UTC; run it now with the button
          below or <code className="rounded bg-slate-100 px-1">npm run job -- discover-invoices</code>.
        </p>
      </EmptyState>
    </Card>
  );
}
