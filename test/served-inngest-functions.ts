import { NextRequest } from "next/server";

type Limit = { key?: string; limit: number; scope?: string };

/** A function as /api/inngest describes it to Inngest: what Inngest will run it on and how many at once. */
export interface ServedFunction {
  id: string;
  triggers: { cron?: string; event?: string }[];
  concurrency?: Limit[] | Limit;
  throttle?: { key?: string; limit: number };
}

/** The functions the real /api/inngest serve handler registers when Inngest syncs it in band. */
export async function servedInngestFunctions(): Promise<ServedFunction[]> {
  const { PUT } = await import("@/app/api/inngest/route");
  const res = await PUT(
    new NextRequest("http://localhost/api/inngest", {
      method: "PUT",
      headers: { "x-inngest-sync-kind": "in_band", "content-type": "application/json" },
      body: JSON.stringify({ url: "http://localhost/api/inngest" }),
    }),
    undefined as never,
  );
  return ((await res.json()) as { functions: ServedFunction[] }).functions;
}
