import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { recordAbandonedJob } from "@/test/notification-factories";
import { countUnreadActivity, markActivitySeen } from "./activity-unread";

describe("the activity feed's unread count", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("counts events written since each admin last opened the feed, per admin", async () => {
    await recordAbandonedJob(t.db);
    await recordAbandonedJob(t.db);
    expect(await countUnreadActivity(t.db, "admin-a")).toBe(2);
    await markActivitySeen(t.db, "admin-a", new Date(Date.now() + 1));
    expect(await countUnreadActivity(t.db, "admin-a")).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    await recordAbandonedJob(t.db);
    expect(await countUnreadActivity(t.db, "admin-a")).toBe(1);
    expect(await countUnreadActivity(t.db, "admin-b")).toBe(3);
  });
});
