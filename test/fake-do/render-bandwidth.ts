import { hashString } from "./create-rng";
import type { RouteResult } from "./route-request";
import type { FakeAccount, FakeDroplet } from "./types";

/** A programmed rate for one droplet's public outbound traffic, in Mbps at each unix second (tests set these). */
export type BandwidthOverride = number | ((unixSeconds: number) => number);

const interfaces = ["public", "private"] as const;
const directions = ["inbound", "outbound"] as const;
/** Share of a droplet's public outbound rate seen on the other series. */
const seriesScale = { "public:outbound": 1, "public:inbound": 0.35, "private:outbound": 0.5, "private:inbound": 0.5 } as const;

/** DO picks the step from the window: about 300 points, whole minutes, never under a minute (as its graphs do). */
export function stepSeconds(windowSeconds: number): number {
  return Math.max(60, Math.ceil(windowSeconds / 300 / 60) * 60);
}

/** A deterministic value in [0, 1) for a droplet and an integer (an hour, a step). */
const unit = (id: number, n: number, salt: string) => hashString(`${salt}:${id}:${n}`) / 4294967296;

/**
 * A droplet's realistic public outbound rate in Mbps: a base rate fixed per droplet (log-uniform from 0.005 to 5 Mbps,
 * more for bigger droplets), a daily cycle peaking in the afternoon UTC+10 (the tenants are Australian), ±25 % noise
 * per step, and now and then an hour-long burst of 4–10×. Zero while the droplet is off.
 */
export function publicOutboundMbps(droplet: Pick<FakeDroplet, "id" | "vcpus" | "status">, t: number): number {
  if (droplet.status === "off" || droplet.status === "archive") return 0;
  const base = 0.005 * 1000 ** unit(droplet.id, 0, "base") * Math.sqrt(droplet.vcpus);
  const hourOfDay = ((t / 3600 + 10) % 24 + 24) % 24;
  const daily = 0.65 + 0.35 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  const noise = 0.75 + 0.5 * unit(droplet.id, Math.floor(t / 60), "noise");
  const hour = Math.floor(t / 3600);
  const burst = unit(droplet.id, hour, "burst") < 0.015 ? 4 + 6 * unit(droplet.id, hour, "size") : 1;
  return base * daily * noise * burst;
}

/** Droplets by id, rebuilt when the list changes length (helpers add and remove; edits keep the objects). */
let index: { droplets: FakeDroplet[]; length: number; byId: Map<string, FakeDroplet> } | undefined;
function findDroplet(account: FakeAccount, hostId: string): FakeDroplet | undefined {
  if (index?.droplets !== account.droplets || index.length !== account.droplets.length) {
    index = { droplets: account.droplets, length: account.droplets.length, byId: new Map(account.droplets.map((d) => [String(d.id), d])) };
  }
  return index.byId.get(hostId);
}

const badRequest = (message: string): RouteResult => ({ status: 400, json: { id: "bad_request", message } });

/**
 * `GET /v2/monitoring/metrics/droplet/bandwidth?host_id&interface&direction&start&end`: one matrix series of Mbps values
 * (decimal strings, as DO sends them) at step-aligned instants inside [start, end] while the droplet existed (deleted
 * droplets keep their history until deletion). An unknown host gets an empty result, as a Prometheus query would.
 */
export function renderBandwidth(account: FakeAccount, overrides: ReadonlyMap<string, BandwidthOverride>, query: URLSearchParams): RouteResult {
  const hostId = query.get("host_id");
  const iface = query.get("interface") as (typeof interfaces)[number];
  const direction = query.get("direction") as (typeof directions)[number];
  const start = Number(query.get("start"));
  const end = Number(query.get("end"));
  if (!hostId) return badRequest("host_id is required");
  if (!interfaces.includes(iface)) return badRequest("interface must be public or private");
  if (!directions.includes(direction)) return badRequest("direction must be inbound or outbound");
  if (!query.get("start") || !query.get("end") || !Number.isInteger(start) || !Number.isInteger(end) || end <= start) {
    return badRequest("start and end must be unix timestamps with start before end");
  }

  const live = findDroplet(account, hostId);
  const gone = live ? undefined : account.deleted.find((d) => d.kind === "droplets" && String(d.resource.id) === hostId);
  const droplet = live ?? (gone?.resource as FakeDroplet | undefined);
  const metric = { direction, host_id: hostId, interface: iface };
  if (!droplet) return { status: 200, json: { status: "success", data: { resultType: "matrix", result: [] } } };

  const from = Math.max(start, Math.ceil(Date.parse(droplet.created_at) / 1000));
  const to = gone ? Math.min(end, Math.floor(Date.parse(gone.deletedAt) / 1000)) : end;
  const step = stepSeconds(end - start);
  const override = overrides.get(hostId);
  const scale = seriesScale[`${iface}:${direction}`];
  const publicOutbound = (t: number) =>
    override === undefined ? publicOutboundMbps(droplet, t) : typeof override === "number" ? override : override(t);
  const rate = (t: number) => publicOutbound(t) * scale;
  const values: [number, string][] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) values.push([t, String(rate(t))]);
  return { status: 200, json: { status: "success", data: { resultType: "matrix", result: values.length ? [{ metric, values }] : [] } } };
}
