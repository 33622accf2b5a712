import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setupAppTestDb } from "@/test/app-db";
import { getAdminPreference, setAdminPreference } from "./admin-preferences";

const getDb = setupAppTestDb();
const columns = z.object({ hidden: z.array(z.string()) });

describe("admin preferences", () => {
  it("keeps a setting per admin and key, the latest write winning", async () => {
    const { db } = getDb();
    expect(await getAdminPreference(db, "admin-1", "inventory.columns", columns)).toBeNull();
    await setAdminPreference(db, "admin-1", "inventory.columns", { hidden: ["tags"] });
    await setAdminPreference(db, "admin-1", "inventory.columns", { hidden: ["tags", "size"] });
    await setAdminPreference(db, "arcadia:admin-2", "inventory.columns", { hidden: [] });
    expect(await getAdminPreference(db, "admin-1", "inventory.columns", columns)).toEqual({ hidden: ["tags", "size"] });
    expect(await getAdminPreference(db, "arcadia:admin-2", "inventory.columns", columns)).toEqual({ hidden: [] });
  });

  it("reads a stored value its schema no longer accepts as no setting, rather than failing the page", async () => {
    const { db } = getDb();
    await setAdminPreference(db, "admin-3", "inventory.columns", { hidden: "everything" });
    expect(await getAdminPreference(db, "admin-3", "inventory.columns", columns)).toBeNull();
  });
});
