import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getSessionUser, requireAdmin, type SessionUser } from "@/lib/auth/session";
import { describeError } from "@/db/describe-error";
import { logger } from "@/lib/platform/log";
import type { ActionResult, FieldErrors, FormValues } from "./action-result";
import { type ErrorCode, isApiError } from "./errors";
import { parseActionInput } from "./parse-action-input";

/** A path to revalidate: "/catalog", or ["/catalog/team", "layout"] for everything under it. */
export type Revalidation = string | [path: string, type: "layout" | "page"];

/** What an action's body reports when it succeeded. */
export type ActionOutcome<T> = {
  /** Shown by the form or button: "Draft saved." */
  message?: string;
  /** Paths whose pages show what changed. */
  revalidate?: Revalidation[];
  /** Where to go next, after revalidating; the action then answers nothing. */
  redirect?: string;
  /** The form stays as submitted (an editor), rather than starting afresh from its defaults (an "add" form). */
  keepValues?: boolean;
} & (undefined extends T ? { data?: T } : { data: T });

export interface AdminActionContext {
  user: SessionUser;
  /** Who did it, as recorded in created_by, recorded_by and audit columns. */
  actor: string;
}

export interface AdminActionOptions {
  /** How a refusal by the domain (an ApiError below 500) reads, and what to revalidate because of it. */
  refused?: { message?: (reason: string) => string; revalidate?: Revalidation[] };
  /** What the admin reads when the action failed on our side (the failure itself is logged). */
  failure?: string;
}

export interface AdminActionDeps {
  getSessionUser: () => Promise<SessionUser | null>;
  revalidatePath: (path: string, type?: "layout" | "page") => void;
}

const nextDeps: AdminActionDeps = { getSessionUser, revalidatePath };
let deps = nextDeps;

/** Tests supply the session and record revalidation, which the Next runtime provides in the app; undefined restores it. */
export function setAdminActionDeps(d: AdminActionDeps | undefined): void {
  deps = d ?? nextDeps;
}

const genericFailure = "Something went wrong on our side. Try again.";
const adminActionMark = Symbol.for("arcadia.adminAction");

/** True for a function built by adminAction: a test checks every exported server action is one. */
export function isAdminAction(fn: unknown): boolean {
  return typeof fn === "function" && (fn as { [adminActionMark]?: boolean })[adminActionMark] === true;
}

/**
 * Every admin server action: a public POST endpoint, so it checks the admin session itself (a missing session
 * redirects to sign-in, a tenant's is forbidden), parses its FormData or argument with `schema` (field errors and what
 * was typed go back to the form), runs `fn`, revalidates what `fn` says changed and redirects if it says so. A refusal
 * by the domain (ApiError) becomes its message; anything else is logged and answered with a generic message, never
 * its text. The answer is an ActionResult, which ActionForm, ConfirmDialog, RunJobButton and the drift inbox render.
 */
export function adminAction<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (input: z.output<S>, ctx: AdminActionContext) => Promise<ActionOutcome<T>>,
  options: AdminActionOptions = {},
): (prev: ActionResult<T>, input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  const action = async (_prev: ActionResult<T>, input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const { getSessionUser: getUser, revalidatePath: revalidate } = deps;
    const user = await requireAdmin(getUser);
    const parsed = parseActionInput(schema, input);
    if (!parsed.success) return withValues({ status: "error", code: "invalid_request", message: parsed.message, fieldErrors: parsed.fieldErrors }, parsed.values);
    let outcome: ActionOutcome<T>;
    try {
      outcome = await fn(parsed.data, { user, actor: user.email ?? user.name ?? user.id });
    } catch (e) {
      unstable_rethrow(e); // redirect(), notFound() and forbidden() from inside the action are Next's, not failures
      if (isApiError(e) && e.status < 500) {
        for (const r of options.refused?.revalidate ?? []) revalidateOne(revalidate, r);
        const message = options.refused?.message?.(e.message) ?? e.message;
        return withValues({ status: "error", code: e.code, message, fieldErrors: detailFieldErrors(e.details) }, parsed.values);
      }
      logger().error({ err: describeError(e) }, "server action failed");
      const code: ErrorCode = isApiError(e) ? e.code : "internal_error";
      return withValues({ status: "error", code, message: options.failure ?? genericFailure, fieldErrors: {} }, parsed.values);
    }
    for (const r of outcome.revalidate ?? []) revalidateOne(revalidate, r);
    if (outcome.redirect) redirect(outcome.redirect);
    const ok: ActionResult<T> = { status: "ok", message: outcome.message, data: outcome.data as T };
    return outcome.keepValues ? withValues(ok, parsed.values) : dropUndefined(ok);
  };
  return Object.assign(action, { [adminActionMark]: true });
}

function revalidateOne(revalidate: AdminActionDeps["revalidatePath"], r: Revalidation) {
  if (typeof r === "string") revalidate(r);
  else revalidate(r[0], r[1]);
}

/** A domain refusal that names fields (`details: [{ path, message }]`) marks those inputs too. */
function detailFieldErrors(details: unknown): FieldErrors {
  const fieldErrors: FieldErrors = {};
  if (Array.isArray(details)) {
    for (const d of details as { path?: unknown; message?: unknown }[]) {
      if (typeof d?.path === "string" && d.path && typeof d.message === "string") fieldErrors[d.path] ??= d.message;
    }
  }
  return fieldErrors;
}

function withValues<R extends ActionResult<unknown>>(result: R, values: FormValues | undefined): R {
  return dropUndefined(values ? { ...result, values } : result);
}

/** Results cross to the browser: no `message: undefined` keys. */
function dropUndefined<R extends object>(result: R): R {
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as R;
}
