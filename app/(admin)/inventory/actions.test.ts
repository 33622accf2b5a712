import { describe, expect, it } from "vitest";
import { idleResult } from "@/lib/http/action-result";
import { inventoryColumnsKey, inventoryColumnsPreference } from "@/lib/inventory/inventory-columns";
import { getAdminPreference } from "@/lib/preferences/admin-preferences";
import { adminUser, thrownDigest, setupAdminActionRuntime } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { saveInventoryColumns } from "./actions";

const getDb = setupAppTestDb();
const { signInAs } = setupAdminActionRuntime();

describe("saveInventoryColumns", () => {
  it("remembers the hidden columns for the admin who chose them", async () => {
    signInAs(adminUser);
    expect(await saveInventoryColumns(idleResult, { hidden: ["tags", "size"] })).toMatchObject({ status: "ok" });
    expect(await getAdminPreference(getDb().db, adminUser.id, inventoryColumnsKey, inventoryColumnsPreference)).toEqual({ hidden: ["tags", "size"] });
    signInAs({ ...adminUser, id: "a-2" });
    expect(await getAdminPreference(getDb().db, "a-2", inventoryColumnsKey, inventoryColumnsPreference)).toBeNull();
  });

  it("refuses a column that does not exist, and a caller without a session", async () => {
    signInAs(adminUser);
    expect(await saveInventoryColumns(idleResult, { hidden: ["password" as never] })).toMatchObject({ status: "error", code: "invalid_request" });
    signInAs(null);
    expect(await thrownDigest(saveInventoryColumns(idleResult, { hidden: [] }))).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
  });
});
