import { describe, expect, it } from "vitest";
import { doAccountKey } from "./deps";

describe("doAccountKey", () => {
  const url = "https://api.digitalocean.com";
  it("names one DO account by its token and API, the same in every process, without revealing the token", () => {
    const token = "dop_v1_0123456789abcdef0123456789abcdef";
    const key = doAccountKey({ DO_API_TOKEN: token, DO_API_URL: url });
    expect(key).toMatch(/^do-account:[0-9a-f]{16}$/);
    expect(doAccountKey({ DO_API_TOKEN: token, DO_API_URL: url })).toBe(key);
    expect(key).not.toContain(token.slice(7, 15));
    expect(doAccountKey({ DO_API_TOKEN: "dop_v1_another", DO_API_URL: url })).not.toBe(key);
    expect(doAccountKey({ DO_API_TOKEN: token, DO_API_URL: "http://127.0.0.1:4010" })).not.toBe(key);
    expect(doAccountKey({ DO_API_TOKEN: undefined, DO_API_URL: url })).toBe("do-account:unconfigured");
  });
});
