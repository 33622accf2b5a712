import { z } from "zod";
import { resourceKinds } from "@/db/schema/resources";
import { cliEnv } from "@/lib/platform/env";
import { defineJob, type JobSchedule } from "@/lib/jobs/job-definition";
import { spacesSourceFromEnv } from "./sources";
import { syncInventory } from "./sync-inventory";

export const syncInventoryArgs = z.object({
  /** Kinds to sync; empty means every kind (Spaces buckets when Spaces keys are configured). */
  kinds: z.array(z.enum(resourceKinds)).default([]),
  /** Refresh project membership; defaults to true when syncing every kind. */
  projects: z.boolean().optional(),
});

/**
 * The original service's three schedules (UTC), each its own Inngest function, shown on the Jobs page. Full sync
 * is hourly at :15 (drift detection follows at :20) and is what "Run now" asks for; droplets change most.
 */
export const syncSchedules = {
  full: { id: "sync-inventory", cron: "15 * * * *", label: "every kind, hourly at :15", args: { kinds: [] } },
  fast: { id: "sync-inventory-fast", cron: "*/5 * * * *", label: "droplets, every 5 minutes", args: { kinds: ["droplet"], projects: false } },
  slow: { id: "sync-inventory-slow", cron: "40 3 * * *", label: "apps and projects, daily at 03:40", args: { kinds: ["app"], projects: true } },
} satisfies Record<string, JobSchedule<z.input<typeof syncInventoryArgs>>>;

export const syncInventoryJob = defineJob({
  name: "sync-inventory",
  title: "Inventory sync",
  description: "Lists every DigitalOcean resource (or the given kinds) and records what changed.",
  schedules: Object.values(syncSchedules),
  args: syncInventoryArgs,
  // npm run job -- sync-inventory [kind ...]
  cliArgs: (argv) => ({ kinds: argv }),
  async run(deps, args, ctx) {
    // cliEnv: the Spaces keys and the tag prefix are all this reads, and the CLI has no web secrets.
    const spaces = spacesSourceFromEnv(cliEnv());
    try {
      const refreshProjects = args.projects ?? args.kinds.length === 0;
      return await syncInventory(deps.db, deps.doClient(), { kinds: args.kinds, refreshProjects, trigger: ctx.trigger, spaces }, ctx);
    } finally {
      spaces?.client.close();
    }
  },
});
