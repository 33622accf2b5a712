import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/inventory")).toBe("/inventory");
    expect(safeCallbackPath("/costs?month=2026-11&sort=-amount#top")).toBe("/costs?month=2026-11&sort=-amount#top");
    expect(safeCallbackPath("/resources/abc/../def")).toBe("/resources/def");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "\t//evil.example",
    "https://evil.example/inventory",
    "HTTPS://evil.example",
    "http:evil.example",
    "http:/evil.example",
    "//evil.example@127.0.0.1",
    "/..//evil.example",
    "/.//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
    "%2F%2Fevil.example",
  ])("refuses %j and falls back to /", (v) => {
    const safe = safeCallbackPath(v);
    expect(safe).toBe("/");
  });

  it("never returns a value a browser would read as another host", () => {
    for (const v of ["/%5Cevil.example", "/%09/evil.example", "/%2F/evil.example", "/%252F%252Fevil.example"]) {
      const safe = safeCallbackPath(v);
      expect(safe.startsWith("/")).toBe(true);
      expect(new URL(safe, "https://console.example").origin).toBe("https://console.example");
      expect(safe.startsWith("//") || safe.startsWith("/\\")).toBe(false);
    }
  });

  it("falls back to the given default for missing values", () => {
    expect(safeCallbackPath(undefined, "/plans")).toBe("/plans");
    expect(safeCallbackPath("//evil.example", "/plans")).toBe("/plans");
  });
});
