import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { DriftItem } from "@/lib/drift/schemas";
import { DetectedCell, DriftFieldCells } from "./drift-cells";

export const driftStatusTone: Record<DriftItem["status"], Tone> = { open: "amber", accepted: "green", stale: "neutral", reverted: "blue" };

export const driftStatusHelp: Record<DriftItem["status"], string> = {
  open: "live differs from the spec",
  accepted: "the live value was adopted as the spec",
  stale: "the live value matched the spec again",
  reverted: "live infrastructure was changed back to the spec",
};

/** Resolved drift: what differed, how it ended, who resolved it and when. */
export function DriftHistoryTable({ items, now, showResource = true }: { items: DriftItem[]; now: number; showResource?: boolean }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Drift history</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {showResource ? (
              <th scope="col" className="px-4 py-2 font-semibold">
                Resource
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-semibold">Field</th>
            <th scope="col" className="px-3 py-2 font-semibold">Spec (expected)</th>
            <th scope="col" className="px-3 py-2 font-semibold">Live (actual)</th>
            <th scope="col" className="px-3 py-2 font-semibold">Outcome</th>
            <th scope="col" className="px-3 py-2 font-semibold">Detected</th>
            <th scope="col" className="px-4 py-2 font-semibold">Resolved</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((d) => (
            <tr key={d.id} className="align-top">
              {showResource ? (
                <td className="px-4 py-3">
                  <Link href={`/resources/${d.resource_id}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline">
                    {d.resource.name}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {d.resource.kind.replace(/_/g, " ")}
                    {d.resource.region ? ` · ${d.resource.region}` : ""}
                  </span>
                </td>
              ) : null}
              <DriftFieldCells drift={d} />
              <td className="px-3 py-3">
                <Badge tone={driftStatusTone[d.status]}>{d.status}</Badge>
                <span className="sr-only">: {driftStatusHelp[d.status]}</span>
              </td>
              <DetectedCell at={d.detected_at} now={now} />
              <td className="px-4 py-3 text-slate-700">
                {d.resolved_at ? (
                  <>
                    {/* Relative like Detected beside it; the exact time is in the tooltip of both. */}
                    <RelativeTime iso={d.resolved_at} now={now} className="whitespace-nowrap" />
                    <span className="block text-xs text-slate-600">by {d.resolved_by === "detect-drift" ? "the drift sweep" : (d.resolved_by ?? "unknown")}</span>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
