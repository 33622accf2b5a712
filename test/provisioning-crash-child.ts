import { createDbHandle } from "@/db/client";
import { runRequestInProcess } from "@/lib/provisioning/run-in-process";
import { provisioningDeps } from "./provisioning-factories";

// A server process running a provisioning saga in-process: the resume test kills it (SIGKILL) the moment the fake DO
// receives its create, before the create step could record what DO made.
const [requestId, doUrl, leaseMs] = process.argv.slice(2);
const handle = createDbHandle(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR, lockOwner: { role: "provisioning-crash-child" } });
// Its own pid: tsx runs this in a child node process, which is the one to kill.
console.log(`running ${process.pid}`);
await new Promise((r) => setTimeout(r, 300));
const outcome = await runRequestInProcess(provisioningDeps(handle.db, doUrl!, { leaseMs: Number(leaseMs) }), requestId!);
console.log(`finished ${outcome}`);
await handle.close();
