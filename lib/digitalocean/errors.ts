import "server-only";
import type { z } from "zod";

// Messages carry the request path and DO's own id/message, never headers: the bearer token must not reach logs.

export type DoApiErrorDetails = {
  status: number;
  path: string;
  doId?: string;
  requestId?: string;
  cause?: unknown;
};

/**
 * Any failed call to the DigitalOcean API. `status` is the HTTP status, or 0 when no response arrived (network error,
 * timeout). `doId` is DO's short error id (`not_found`, `too_many_requests`, …) when the body carried one.
 */
export class DoApiError extends Error {
  readonly status: number;
  readonly path: string;
  readonly doId: string | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, details: DoApiErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "DoApiError";
    this.status = details.status;
    this.path = details.path;
    this.doId = details.doId;
    this.requestId = details.requestId;
  }
}

/** 401/403: the token is wrong, revoked or lacks a scope. Never retried, since retrying cannot fix it. */
export class DoTokenRejectedError extends DoApiError {
  constructor(details: DoApiErrorDetails) {
    super("DO token rejected", details);
    this.name = "DoTokenRejectedError";
  }
}

/** Still rate limited after every retry; `retryAfterMs` is DO's own hint so a job can reschedule itself. */
export class DoRateLimitedError extends DoApiError {
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: DoApiErrorDetails & { retryAfterMs?: number }) {
    super(message, details);
    this.name = "DoRateLimitedError";
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The body parsed as JSON but did not have the shape we rely on. */
export class DoSchemaError extends DoApiError {
  readonly issues: z.core.$ZodIssue[];

  constructor(message: string, details: DoApiErrorDetails & { issues: z.core.$ZodIssue[] }) {
    super(message, details);
    this.name = "DoSchemaError";
    this.issues = details.issues;
  }
}

/** DO's pagination misbehaved (a `next` link repeated, or too many pages); stopping beats looping forever. */
export class DoPaginationError extends DoApiError {
  constructor(message: string, details: DoApiErrorDetails) {
    super(message, details);
    this.name = "DoPaginationError";
  }
}

/**
 * A listing saw fewer (or more) distinct items than DO's `meta.total` said there were: a short page, or pages that
 * shifted while the account changed. Nothing may be concluded from what it did not see (no tombstones).
 */
export class DoIncompleteListingError extends DoPaginationError {
  constructor(message: string, details: DoApiErrorDetails) {
    super(message, details);
    this.name = "DoIncompleteListingError";
  }
}
