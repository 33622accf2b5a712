import { createDbHandle } from "@/db/client";
import { detectAll } from "@/lib/drift/detect-all";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import { createResource } from "./factories";

// A job process that commits a change that causes an event (new drift) and dies before it delivers anything: the
// outbox test kills it (SIGKILL) as soon as it prints "committed".
const handle = createDbHandle(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR, lockOwner: { role: "outbox-crash-child" } });
await handle.migrate();
const resource = await createResource(handle.db, { name: "crash-web-01", sizeSlug: "s-2vcpu-4gb" });
await recordProvisioned(handle.db, resource.id, { size_slug: "s-1vcpu-2gb" }, "saga");
await detectAll(handle.db);
// Its own pid: tsx runs this in a child node process, which is the one to kill.
console.log(`committed ${resource.id} ${process.pid}`);
// Where the job would now deliver what it recorded.
await new Promise(() => {});
