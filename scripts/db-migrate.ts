import { runCli, withCliDb } from "./cli";

runCli(async () => {
  await withCliDb(async (h) => {
    console.log(`migrations applied (${h.driver})`);
  });
});
