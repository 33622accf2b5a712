import { Writable } from "node:stream";
import { afterEach, beforeEach } from "vitest";
import { createLogger, setLogger } from "@/lib/platform/log";

/** Swaps the root logger for one writing into a string for each test; returns a getter of what was logged. */
export function captureLog(): () => string {
  let captured = "";
  beforeEach(() => {
    captured = "";
    const log = createLogger(
      new Writable({
        write(chunk, _enc, cb) {
          captured += chunk.toString();
          cb();
        },
      }),
    );
    log.level = "debug"; // tests run with LOG_LEVEL=silent
    setLogger(log);
  });
  afterEach(() => setLogger(undefined));
  return () => captured;
}
