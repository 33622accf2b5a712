import { seedAll } from "@/db/seed";
import { runCli, withCliDb } from "./cli";

runCli(async () => {
  await withCliDb(async (h) => {
    const summary = await seedAll(h.db);
    console.log(`seed applied (${h.driver}): ${summary}`);
  });
});
