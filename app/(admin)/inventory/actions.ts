"use server";

import { getDb } from "@/db";
import { adminAction } from "@/lib/http/admin-action";
import { inventoryColumnsKey, inventoryColumnsPreference } from "@/lib/inventory/inventory-columns";
import { setAdminPreference } from "@/lib/preferences/admin-preferences";

/** Remembers which inventory columns this admin hides, so every browser they sign in from shows the same table. */
export const saveInventoryColumns = adminAction(
  inventoryColumnsPreference,
  async (pref, { user }) => {
    await setAdminPreference(getDb(), user.id, inventoryColumnsKey, pref);
    return {};
  },
  { failure: "Could not remember the columns." },
);
