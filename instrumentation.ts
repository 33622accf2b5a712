/**
 * Runs once when the server starts, before it answers a request: parse the environment (a missing variable stops the
 * app here, naming it), apply pending migrations, and bootstrap the development admin when configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/platform/start-server");
  await startServer();
  // Without Inngest, provisioning sagas run in this process: carry on with those a previous process left unfinished.
  const { resumeProvisioning } = await import("./jobs/provisioning-runs");
  resumeProvisioning();
}
