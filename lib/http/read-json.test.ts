import { describe, expect, it } from "vitest";
import { maxJsonDepth, readJson } from "./read-json";

const read = (body: string) => readJson(new Request("http://localhost/", { method: "POST", body }));
const refusal = (body: string) => read(body).then(() => null, (e) => ({ code: e.code, message: e.message as string, details: e.details }));

describe("readJson", () => {
  it("returns the parsed body, nested up to the limit, with any storable text", async () => {
    const ok = `${"[".repeat(maxJsonDepth)}"😀 tab\\t ü"${"]".repeat(maxJsonDepth)}`;
    expect(await read(ok)).toBeTruthy();
    expect(await read('{"spec":{"size_slug":"s-1vcpu-2gb","tags":["a"]}}')).toEqual({ spec: { size_slug: "s-1vcpu-2gb", tags: ["a"] } });
  });

  it("is a 400 for bodies nested too deep, however deep, without overflowing the stack", async () => {
    for (const n of [maxJsonDepth + 1, 10_000, 200_000]) {
      expect((await refusal(`${"[".repeat(n)}${"]".repeat(n)}`))?.code, `${n} levels`).toBe("invalid_request");
      expect((await refusal(`${'{"a":'.repeat(n)}1${"}".repeat(n)}`))?.message, `${n} levels`).toMatch(/nested deeper than 32 levels/);
    }
  });

  it("is a 400 naming where a string or key holds NUL or an unpaired surrogate", async () => {
    expect(await refusal('{"spec":{"tags":["ok","w\\u0000eb"]}}')).toMatchObject({ code: "invalid_request", details: [{ path: "spec.tags.1" }] });
    expect(await refusal('{"name":"Acme\\ud800"}')).toMatchObject({ details: [{ path: "name" }] });
    expect(await refusal('{"spec":{"a\\u0000b":1}}')).toMatchObject({ details: [{ path: 'spec."a\\u0000b"' }] });
  });

  it("is a 400 for empty or malformed bodies", async () => {
    expect((await refusal("  "))?.message).toMatch(/empty/);
    expect((await refusal("{"))?.message).toMatch(/not valid JSON/);
  });
});
