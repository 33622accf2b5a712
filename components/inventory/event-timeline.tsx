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

type Payload = Record<string, unknown>;

function Change({ field, from, to }: { field: string; from: unknown; to: unknown }) {
  return (
    <li className="font-mono text-xs text-slate-700 wrap-anywhere">
      <span className="font-semibold text-slate-900">{field}</span>: <del className="text-red-700">{show(from)}</del> →{" "}
      <ins className="text-emerald-800 no-underline">{show(to)}</ins>
    </li>
  );
}

/** What an event says, in words, by type; anything unknown falls back to its payload. */
function EventDetail({ type, payload }: { type: string; payload: Payload }) {
  const changes = (payload.changes ?? null) as Record<string, { old: unknown; new: unknown }> | null;
  if (changes && Object.keys(changes).length) {
    return (
      <ul className="mt-1 space-y-0.5">
        {Object.entries(changes).map(([field, c]) => (
          <Change key={field} field={field} from={c.old} to={c.new} />
        ))}
      </ul>
    );
  }
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  switch (type) {
    case "created":
      return (
        <p className="mt-1 text-xs text-slate-600">
          First listed as <span className="font-medium text-slate-900">{text(payload.name)}</span>
          {[payload.region, payload.size_slug, payload.status].filter(Boolean).length
            ? ` · ${[payload.region, payload.size_slug, payload.status].filter(Boolean).map(text).join(" · ")}`
            : ""}
        </p>
      );
    case "deleted":
      return <p className="mt-1 text-xs text-slate-600">No longer listed by DigitalOcean; kept as a tombstone so invoices still match it.</p>;
    case "drift_detected":
      return (
        <div className="mt-1 text-xs text-slate-600">
          <p>
            Live value differs from the desired spec (version {text(payload.spec_version)}):
          </p>
          <ul className="mt-0.5">
            <Change field={text(payload.field)} from={payload.expected} to={payload.actual} />
          </ul>
        </div>
      );
    case "drift_accepted":
      return (
        <div className="mt-1 text-xs text-slate-600">
          <p>
            Live value accepted into the spec (now version {text(payload.spec_version)})
            {payload.by ? ` by ${text(payload.by)}` : ""}:
          </p>
          <ul className="mt-0.5">
            <Change field={text(payload.field)} from={payload.previous} to={payload.accepted} />
          </ul>
        </div>
      );
    default:
      return type !== "updated" && Object.keys(payload).length ? <p className="mt-1 truncate font-mono text-xs text-slate-600">{show(payload)}</p> : null;
  }
}

/** The resource's event log as a timeline: each event in words, changes as field old → new. */
export function EventTimeline({ events }: { events: ResourceEventDto[] }) {
  if (events.length === 0) return <p className="px-5 py-4 text-sm text-slate-600">No events recorded yet.</p>;
  return (
    <ol className="divide-y divide-slate-100">
      {events.map((e) => (
        <li key={e.id} className="flex flex-col gap-1 px-5 py-3 sm:flex-row sm:gap-4">
          <time dateTime={e.at} className="shrink-0 text-xs text-slate-600 sm:w-40">
            {formatDateTime(e.at)}
          </time>
          <div className="min-w-0 flex-1 text-sm">
            <Badge tone={tones[e.type] ?? "neutral"}>{e.type.replace("_", " ")}</Badge>
            <EventDetail type={e.type} payload={e.payload} />
          </div>
        </li>
      ))}
    </ol>
  );
}
