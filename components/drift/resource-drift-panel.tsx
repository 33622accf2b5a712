import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { CodeValue } from "@/components/ui/code-value";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { describeValue } from "@/lib/drift/describe-value";
import type { DriftItem, ProvisionedRecord } from "@/lib/drift/schemas";
import { DriftHistoryTable } from "./drift-history-table";

/**
 * The resource page's part of drift: the desired spec with its version and who recorded it, and the resource's drift
 * history (open and resolved), as the page loaded them.
 */
export function ResourceDriftPanel({ resourceId, provisioned, drift }: { resourceId: string; provisioned: ProvisionedRecord | null; drift: DriftItem[] }) {
  const now = Date.now();
  const openFields = new Set(drift.filter((d) => d.status === "open").map((d) => d.field));
  const fields = provisioned ? Object.entries(provisioned.spec).sort(([a], [b]) => a.localeCompare(b)) : [];

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-1">
        <CardHeader
          title="Desired state"
          description={
            provisioned ? (
              <>
                Spec version {provisioned.spec_version}, recorded by {provisioned.recorded_by}
                {provisioned.recorded_via === "drift_accept" ? " (accepting drift)" : ""} on {formatDateTime(provisioned.updated_at)}.
              </>
            ) : undefined
          }
        />
        {provisioned ? (
          fields.length ? (
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-100 text-sm">
                <caption className="sr-only">Desired spec, version {provisioned.spec_version}</caption>
                <thead className="sr-only">
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Desired value</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {fields.map(([field, value]) => (
                    <tr key={field} className="align-top">
                      <th scope="row" className="px-5 py-2 text-left font-mono text-xs font-semibold text-slate-700">
                        {field}
                      </th>
                      <td className="px-5 py-2 text-right">
                        <CodeValue className="text-slate-900" title={JSON.stringify(value)}>
                          {describeValue(value)}
                        </CodeValue>
                        {openFields.has(field) ? (
                          <Badge tone="amber" className="ml-2">
                            drifted
                          </Badge>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="px-5 py-4 text-sm text-slate-600">The spec is empty: only the resource's existence is checked.</p>
          )
        ) : (
          <p className="px-5 py-4 text-sm text-slate-600">
            No desired spec is recorded, so this resource is not checked for drift. arcadia-app records one with{" "}
            <code className="rounded bg-slate-100 px-1">PUT /api/v1/provisioned/{resourceId}</code> when it provisions the resource.
          </p>
        )}
      </Card>
      <CardTable
        className="lg:col-span-2"
        title="Drift history"
        description="Every field that differed from the spec, newest first."
        actions={
          openFields.size ? (
            <Link href={`/drift?resource=${resourceId}`} className="text-sm font-medium text-brand-700 hover:underline">
              Review {openFields.size} open in the drift inbox
            </Link>
          ) : undefined
        }
        isEmpty={drift.length === 0}
        empty={
          <EmptyState title="No drift recorded">
            <p>{provisioned ? "Every sweep so far found this resource matching its spec." : "Drift is detected once a desired spec is recorded."}</p>
          </EmptyState>
        }
      >
        <DriftHistoryTable items={drift} now={now} showResource={false} />
      </CardTable>
    </div>
  );
}
