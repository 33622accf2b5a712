import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface TsxRun {
  child: ChildProcess;
  /** Everything written so far, stdout and stderr interleaved. */
  output(): string;
  done: Promise<{ code: number | null; signal: string | null; output: string }>;
}

/**
 * A TypeScript entry point (a CLI script, the test app server) as a real child process, the way npm runs them:
 * tsx with the react-server condition, from the repository root, with only the given environment (plus PATH/HOME).
 */
export function runTsx(script: string, args: string[], env: Record<string, string | undefined>): TsxRun {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions", "react-server", script, ...args], {
    cwd: path.resolve("."),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d));
  child.stderr?.on("data", (d: Buffer) => (output += d));
  const done = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
  return { child, output: () => output, done };
}

/** Secrets the web server requires, for children that run its start-up; they sign nothing real. */
export const serverSecrets = {
  ARCADIA_JWT_SECRET: process.env.ARCADIA_JWT_SECRET,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
};

/** test/serve-app.ts as a child: resolves once it is ready, with its port and the pid of the process holding the lock. */
export async function startAppServer(env: Record<string, string | undefined>, timeoutMs = 120_000) {
  const run = runTsx("test/serve-app.ts", [], { ...serverSecrets, ...env });
  const until = Date.now() + timeoutMs;
  for (;;) {
    const m = /^ready (\d+) (\d+)$/m.exec(run.output());
    if (m) return { ...run, port: Number(m[1]), pid: Number(m[2]) };
    if (run.child.exitCode !== null || Date.now() > until) throw new Error(`app server did not start: ${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
