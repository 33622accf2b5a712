import { describe, expect, it } from "vitest";
import { containsPattern } from "./like";

describe("containsPattern", () => {
  it("matches the text anywhere, with LIKE's own wildcards and its escape character taken literally", () => {
    expect(containsPattern("web-01")).toBe("%web-01%");
    expect(containsPattern("50%_off\\now")).toBe("%50\\%\\_off\\\\now%");
  });
});
