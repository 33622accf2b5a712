import { createAdmin } from "@/lib/auth/admins";
import { parseArgs, runCli, withCliDb } from "./cli";

runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.password) throw new Error("usage: npm run admin:create -- --email E --password P [--name N]");
  await withCliDb(async (h) => {
    const admin = await createAdmin(h.db, { email: values.email!, password: values.password!, name: values.name });
    console.log(`admin created: ${admin.email}`);
  });
});
