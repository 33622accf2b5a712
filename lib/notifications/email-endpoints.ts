import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { notificationEndpoints } from "@/db/schema";
import { eventTypes } from "./event-catalog";

export const emailSubscriptionSchema = z.object({
  email: z.email(),
  events: z.array(z.enum(eventTypes)).min(1),
  /** One mail a day with the day's events instead of one per event. */
  digest: z.boolean().default(false),
});

/** An admin's email subscription: which events reach them, immediately or as a daily digest. */
export async function createEmailEndpoint(db: DbOrTx, body: z.input<typeof emailSubscriptionSchema>, actor: string) {
  const input = emailSubscriptionSchema.parse(body);
  const [row] = await db
    .insert(notificationEndpoints)
    .values({ channel: "email", url: `mailto:${input.email}`, events: input.events, digest: input.digest, createdBy: actor })
    .returning();
  return row!;
}
