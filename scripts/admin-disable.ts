import { disableAdmin } from "@/lib/auth/admins";
import { parseArgs, runCli, withCliDb } from "./cli";

runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" } } });
  if (!values.email) throw new Error("usage: npm run admin:disable -- --email E");
  await withCliDb(async (h) => {
    const admin = await disableAdmin(h.db, values.email!);
    console.log(`admin disabled, sessions revoked: ${admin.email}`);
  });
});
