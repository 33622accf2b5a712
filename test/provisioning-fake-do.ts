import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/platform/env";
import { type FakeDo, type StartFakeDoOptions, startFakeDo } from "@/test/fake-do";

/**
 * A test file's fake DO with provisioning switched on against it (quick polls), the environment put back after the
 * file. `env`: more variables for the file (INNGEST_DEV for @inngest/test); `beforeClose`: what must finish while the
 * fake still answers (in-process sagas still running). Returns the running fake.
 */
export function setupProvisioningFakeDo(options: StartFakeDoOptions, opts: { env?: Record<string, string>; beforeClose?: () => Promise<void> } = {}): () => FakeDo {
  let fake: FakeDo | undefined;
  let saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    fake = await startFakeDo(options);
    const env = { DO_API_TOKEN: "t", DO_API_URL: fake.url, PROVISIONING_ENABLED: "1", PROVISIONING_POLL_INTERVAL_MS: "20", ...opts.env };
    saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    resetEnvCache();
  });
  afterAll(async () => {
    await opts.beforeClose?.();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("the fake DO starts in beforeAll");
    return fake;
  };
}
