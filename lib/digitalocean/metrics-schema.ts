import "server-only";
import { z } from "zod";

// DO's monitoring responses (spec: resources/monitoring/models/metrics.yml, metrics_data.yml, metrics_result.yml):
// Prometheus-style `{ status, data: { resultType: "matrix", result: [{ metric: {labels}, values: [[ts, "v"], ...] }] } }`.
// Each value pair is `[unix seconds, "decimal"]`; the spec allows an integer or a string in either place.

const numberLike = z.union([z.number(), z.string().trim().min(1)]).transform((v) => Number(v));

/** `[unix seconds, value]`; a value DO sends as "NaN" (no data for that step) becomes NaN and is skipped by callers. */
const sampleSchema = z.tuple([numberLike.pipe(z.number().finite()), numberLike.pipe(z.number().or(z.nan()))]);

export const metricsResponseSchema = z.looseObject({
  status: z.literal("success"),
  data: z.looseObject({
    resultType: z.string(),
    result: z.array(z.looseObject({ metric: z.record(z.string(), z.string()), values: z.array(sampleSchema) })),
  }),
});

export type DoMetricsResponse = z.infer<typeof metricsResponseSchema>;

export interface DropletBandwidthQuery {
  /** The droplet's id (`host_id`). */
  hostId: string | number;
  interface: "public" | "private";
  direction: "inbound" | "outbound";
  start: Date;
  end: Date;
}

/** The query string of `GET /v2/monitoring/metrics/droplet/bandwidth`: start and end in whole unix seconds. */
export function bandwidthQueryPath(q: DropletBandwidthQuery): string {
  const params = new URLSearchParams({
    host_id: String(q.hostId),
    interface: q.interface,
    direction: q.direction,
    start: String(Math.floor(q.start.getTime() / 1000)),
    end: String(Math.ceil(q.end.getTime() / 1000)),
  });
  return `/v2/monitoring/metrics/droplet/bandwidth?${params}`;
}
