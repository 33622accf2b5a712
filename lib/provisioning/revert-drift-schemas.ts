import { z } from "zod";

/** A revert_drift request's params: what the saga asks DO for, fixed when the request was made (see planRevert). */
export const revertDriftParams = z.object({
  drift_id: z.string().uuid(),
  resource_id: z.string().uuid(),
  field: z.string(),
  /** The size the droplet is resized to, when the drift is on size_slug. */
  size: z.string().optional(),
  from_size: z.string().nullable().optional(),
  add_tags: z.array(z.string()).optional(),
  remove_tags: z.array(z.string()).optional(),
  /** What DO is asked to do, in the words of the inbox's dialog. */
  description: z.string(),
});
export type RevertDriftParams = z.infer<typeof revertDriftParams>;
