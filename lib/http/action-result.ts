import type { ErrorCode } from "./errors";

/** Messages by input name (`items.droplet_hours.included_qty`), so a form shows each beside its input. */
export type FieldErrors = Record<string, string>;
/** What a form submitted, by input name: a refused form shows what was typed rather than the old values. */
export type FormValues = Record<string, string>;

/**
 * What every server action answers (see adminAction), and what its form, confirmation dialog or button renders
 * through React's useActionState. Free of server code, so client components import it.
 */
export type ActionResult<T = undefined> =
  | { status: "idle"; message?: undefined; fieldErrors?: undefined; values?: undefined }
  | { status: "ok"; message?: string; data: T; fieldErrors?: undefined; values?: FormValues }
  | { status: "error"; message?: string; code?: ErrorCode; fieldErrors: FieldErrors; values?: FormValues };

/** A server action as components take it (a prop), called with the previous result and a FormData or argument. */
export type ServerAction<T = undefined, I = FormData> = (prev: ActionResult<T>, input: I) => Promise<ActionResult<T>>;

/** Before the first submission. */
export const idleResult: { status: "idle" } = { status: "idle" };
