import { Badge, type Tone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { ResourceEventDto } from "@/lib/inventory/get-resource";

const tones: Record<string, Tone> = {
  created: "green",
  updated: "blue",
  deleted: "red",
  restored: "violet",
  drift_detected: "amber",
  drift_accepted: "green",
};

function show(v: unknown): string {
  if (v === null || v === undefined) return "∅";
  if (typeof v === "string") return v;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** The resource's event log as a timeline; `updated` events list each changed field old → new. */
export function EventTimeline({ events }: { events: ResourceEventDto[] }) {
  if (events.length === 0) return <p className="px-5 py-4 text-sm text-slate-600">No events recorded yet.</p>;
  return (
    <ol className="divide-y divide-slate-100">
      {events.map((e) => {
        const changes = (e.payload.changes ?? null) as Record<string, { old: unknown; new: unknown }> | null;
        return (
          <li key={e.id} className="flex gap-4 px-5 py-3">
            <time dateTime={e.at} className="w-40 shrink-0 text-xs text-slate-600">
              {formatDateTime(e.at)}
            </time>
            <div className="min-w-0 flex-1 text-sm">
              <Badge tone={tones[e.type] ?? "neutral"}>{e.type.replace("_", " ")}</Badge>
              {changes && Object.keys(changes).length ? (
                <ul className="mt-1 space-y-0.5">
                  {Object.entries(changes).map(([field, c]) => (
                    <li key={field} className="font-mono text-xs text-slate-700">
                      <span className="font-semibold text-slate-900">{field}</span>: <del className="text-red-700">{show(c.old)}</del> →{" "}
                      <ins className="text-emerald-800 no-underline">{show(c.new)}</ins>
                    </li>
                  ))}
                </ul>
              ) : e.type !== "updated" && Object.keys(e.payload).length ? (
                <p className="mt-1 truncate font-mono text-xs text-slate-600">{show(e.payload)}</p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
