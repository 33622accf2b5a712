import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { DriftRevertInfo } from "@/lib/drift/plan-revert";
import type { DriftItem } from "@/lib/drift/schemas";
import { DriftActionsCell } from "./drift-actions-cell";
import { DetectedCell, DriftFieldCells } from "./drift-cells";
import type { DriftResourceGroup } from "./group-by-resource";

/** One resource's open drift in the inbox: a header naming the resource, then a row per drifted field. */
export function DriftGroup({
  group,
  now,
  selected,
  onToggle,
  onAccept,
  onRevert,
  reverts,
  isBusy,
}: {
  group: DriftResourceGroup;
  now: number;
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], isOn: boolean) => void;
  onAccept: (drift: DriftItem) => void;
  onRevert: (drift: DriftItem, description: string) => void;
  /** What reverting each drift would ask of DO, by drift id. */
  reverts: Readonly<Record<string, DriftRevertInfo>>;
  isBusy: boolean;
}) {
  const { resource } = group;
  const ids = group.items.map((d) => d.id);
  const isAllSelected = ids.every((id) => selected.has(id));
  const headingId = `drift-group-${group.resourceId}`;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={headingId} className="text-base font-semibold">
            <Link href={`/resources/${group.resourceId}`} className="text-brand-700 hover:underline">
              {resource.name}
            </Link>
          </h3>
          <Badge>{resource.kind.replace(/_/g, " ")}</Badge>
          {resource.region ? <Badge tone="blue">{resource.region}</Badge> : null}
          {resource.deleted_at ? <Badge tone="red">deleted</Badge> : null}
          <span className="text-xs text-slate-600">
            DO id <code>{resource.provider_id}</code>
          </span>
        </div>
        <Link href={`/drift?resource=${group.resourceId}`} className="text-sm text-brand-700 hover:underline">
          Only this resource<span className="sr-only">: {resource.name}</span>
        </Link>
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[56rem] table-fixed divide-y divide-slate-200 text-sm" aria-labelledby={headingId}>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="w-12 px-4 py-2">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  checked={isAllSelected}
                  onChange={(e) => onToggle(ids, e.target.checked)}
                  aria-label={`Select all drift on ${resource.name}`}
                />
              </th>
              <th scope="col" className="w-44 px-3 py-2 font-semibold">Field</th>
              <th scope="col" className="px-3 py-2 font-semibold">Spec (expected)</th>
              <th scope="col" className="px-3 py-2 font-semibold">Live (actual)</th>
              <th scope="col" className="w-28 px-3 py-2 font-semibold">Detected</th>
              <th scope="col" className="w-64 px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {group.items.map((drift) => (
              <tr key={drift.id} className="align-top">
                <td className="px-4 py-3">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={selected.has(drift.id)}
                    onChange={(e) => onToggle([drift.id], e.target.checked)}
                    aria-label={`Select ${drift.field} on ${resource.name}`}
                  />
                </td>
                <DriftFieldCells drift={drift} fieldClassName="break-words" />
                <DetectedCell at={drift.detected_at} now={now} />
                <DriftActionsCell drift={drift} revert={reverts[drift.id]} isBusy={isBusy} onAccept={onAccept} onRevert={onRevert} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
