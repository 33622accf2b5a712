import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { DriftValue } from "./drift-value";

/** A drift's field (the row's header) and its two sides, spec then live: the cells every drift table row shares. */
export function DriftFieldCells({ drift, fieldClassName }: { drift: { field: string; expected: unknown; actual: unknown }; fieldClassName?: string }) {
  return (
    <>
      <th scope="row" className={cn("px-3 py-3 text-left font-mono text-xs font-semibold text-slate-900", fieldClassName)}>
        {drift.field}
      </th>
      <td className="px-3 py-3">
        <DriftValue value={drift.expected} other={drift.actual} side="expected" />
      </td>
      <td className="px-3 py-3">
        <DriftValue value={drift.actual} other={drift.expected} side="actual" />
      </td>
    </>
  );
}

/** When the drift was found, as an age with the exact time (UTC and local) on hover. */
export function DetectedCell({ at, now }: { at: string; now: number }) {
  return (
    <td className="whitespace-nowrap px-3 py-3 text-slate-700">
      <RelativeTime iso={at} now={now} />
    </td>
  );
}
