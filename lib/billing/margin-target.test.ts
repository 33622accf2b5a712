import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { getMarginTarget, marginTargetField, setMarginTarget } from "./margin-target";

describe("the target gross margin", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.drop());

  it("reads a typed percentage, empty as no target, and refuses what no margin target can be", () => {
    expect(marginTargetField.parse("35")).toBe(35);
    expect(marginTargetField.parse(" 37.5 % ")).toBe(37.5);
    expect(marginTargetField.parse("-10")).toBe(-10);
    expect(marginTargetField.parse("")).toBeNull();
    const message = (v: string) => marginTargetField.safeParse(v).error?.issues[0]?.message;
    expect(message("100")).toBe("A target margin must be under 100 %.");
    expect(message("-101")).toBe("A target margin cannot be below -100 %.");
    expect(message("37.55")).toBe("At most one decimal, e.g. 37.5.");
    expect(message("thirty")).toBe("Enter a percentage, e.g. 35.");
    expect(message("1e2")).toBe("Enter a percentage, e.g. 35.");
  });

  it("is unset until an admin sets it, then kept for everyone, and cleared with null", async () => {
    expect(await getMarginTarget(t.db)).toBeNull();
    await setMarginTarget(t.db, 30, "admin-1");
    await setMarginTarget(t.db, 32.5, "admin-2");
    expect(await getMarginTarget(t.db)).toBe(32.5);
    await expect(setMarginTarget(t.db, 150, "admin-1")).rejects.toThrow();
    expect(await getMarginTarget(t.db)).toBe(32.5);
    await setMarginTarget(t.db, null, "admin-1");
    expect(await getMarginTarget(t.db)).toBeNull();
  });
});
