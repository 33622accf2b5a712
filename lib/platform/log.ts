import "server-only";
import pino, { type Logger } from "pino";
import { cliEnv } from "./env";

export type { Logger };

/**
 * Structured JSON logs. Anything that can carry a secret is redacted by path, and callers never put raw headers,
 * tokens or passwords into log objects in the first place.
 */
export const redactPaths = [
  "authorization",
  "cookie",
  "password",
  "token",
  "secret",
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.token",
  "*.secret",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
];

/**
 * Logs go to stdout asynchronously: while one write is under way the next lines gather behind it, so a busy server
 * makes one write per batch of lines instead of a blocking one per line, and a quiet one still writes each line at
 * once. Whatever is buffered is flushed when the process exits.
 */
export function createLogger(destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false })): Logger {
  return pino(
    {
      // The base schema: command-line jobs log too, and never need the web server's secrets.
      level: cliEnv().LOG_LEVEL,
      base: { service: "arcadia-cloud" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { __arcadiaLog?: Logger };

export function logger(): Logger {
  globalForLog.__arcadiaLog ??= createLogger();
  return globalForLog.__arcadiaLog;
}

/** Tests capture the log by swapping the root logger. */
export function setLogger(l: Logger | undefined): void {
  globalForLog.__arcadiaLog = l;
}
