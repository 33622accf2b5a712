import type { JobLogLine } from "@/db/schema/jobs";

/** Enough to follow a long sync kind by kind; the oldest lines go first, so a runaway loop cannot grow the row. */
export const maxRunLogLines = 200;

/** Longer messages are cut: a line is for reading, not a dump of a response body. */
const maxMessageLength = 500;

/**
 * The log with one more line, oldest first and bounded. A progress message repeated unchanged (a heartbeat-like
 * report) adds nothing.
 */
export function appendRunLog(log: readonly JobLogLine[], level: JobLogLine["level"], message: string, at = new Date()): JobLogLine[] {
  const text = message.length > maxMessageLength ? `${message.slice(0, maxMessageLength - 1)}…` : message;
  const last = log.at(-1);
  if (last && last.message === text && last.level === level) return [...log];
  const next = [...log, { at: at.toISOString(), level, message: text }];
  return next.length > maxRunLogLines ? next.slice(next.length - maxRunLogLines) : next;
}
