import { afterEach, describe, expect, it, vi } from "vitest";
import { nowS, signJwt, testSecret } from "@/test/jwt";
import { bearerToken, InvalidTokenError, verifyArcadiaJwt } from "./arcadia-jwt";

const config = () => ({ secret: testSecret(), algorithms: ["HS512"] as const });
const valid = (extra: Record<string, unknown> = {}) => ({ sub: "42", role: "platform_admin", exp: nowS() + 300, ...extra });

async function reason(token: string, cfg: Parameters<typeof verifyArcadiaJwt>[1] = config()) {
  try {
    await verifyArcadiaJwt(token, cfg);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidTokenError);
    return (e as Error).message;
  }
  throw new Error("token was accepted");
}

describe("verifyArcadiaJwt", () => {
  it("accepts a good HS512 token and returns the principal", async () => {
    const p = await verifyArcadiaJwt(signJwt(valid({ name: "Ada" })), config());
    expect(p).toMatchObject({ sub: "42", role: "platform_admin", tenantId: null, name: "Ada" });
  });

  it("accepts a tenant token with a numeric tenant_id and normalises it to a string", async () => {
    const p = await verifyArcadiaJwt(signJwt(valid({ role: "tenant", tenant_id: 7, sub: 9 })), config());
    expect(p).toMatchObject({ sub: "9", role: "tenant", tenantId: "7" });
  });

  it("rejects a token signed with another secret", async () => {
    expect(await reason(signJwt(valid(), { secret: "another-secret-another-secret-another-secret" }))).toBe("token signature invalid");
  });

  it("rejects an expired token", async () => {
    expect(await reason(signJwt(valid({ exp: nowS() - 60 })))).toBe("token expired");
  });

  it("rejects a token that is not valid yet (nbf)", async () => {
    expect(await reason(signJwt(valid({ nbf: nowS() + 600 })))).toMatch(/nbf/);
  });

  it("rejects alg none", async () => {
    expect(await reason(signJwt(valid(), { alg: "none" }))).toMatch(/algorithm not allowed|malformed|invalid/);
  });

  it("rejects an RS256 header even when the HMAC would match", async () => {
    expect(await reason(signJwt(valid(), { alg: "RS256" }))).toBe("token algorithm not allowed");
  });

  it("rejects HS256 unless configured, and accepts it when it is", async () => {
    const token = signJwt(valid(), { alg: "HS256" });
    expect(await reason(token)).toBe("token algorithm not allowed");
    await expect(verifyArcadiaJwt(token, { ...config(), algorithms: ["HS256", "HS512"] })).resolves.toMatchObject({ sub: "42" });
  });

  it("requires exp", async () => {
    const { exp: _exp, ...noExp } = valid();
    expect(await reason(signJwt(noExp))).toMatch(/exp/);
  });

  it("requires a known role", async () => {
    const { role: _role, ...noRole } = valid();
    expect(await reason(signJwt(noRole))).toMatch(/role/);
    expect(await reason(signJwt(valid({ role: "superuser" })))).toMatch(/role/);
  });

  it("requires tenant_id on tenant tokens", async () => {
    expect(await reason(signJwt(valid({ role: "tenant" })))).toMatch(/tenant_id/);
  });

  it("checks iss and aud when configured", async () => {
    const cfg = { ...config(), issuer: "arcadia-app", audience: "arcadia-cloud" };
    await expect(verifyArcadiaJwt(signJwt(valid({ iss: "arcadia-app", aud: "arcadia-cloud" })), cfg)).resolves.toBeTruthy();
    expect(await reason(signJwt(valid({ iss: "someone-else", aud: "arcadia-cloud" })), cfg)).toMatch(/iss/);
    expect(await reason(signJwt(valid({ iss: "arcadia-app", aud: "other" })), cfg)).toMatch(/aud/);
    expect(await reason(signJwt(valid()), cfg)).toMatch(/iss|aud/);
  });

  it("refuses refresh (and any non-access) tokens, accepts typ access or no typ", async () => {
    expect(await reason(signJwt(valid({ typ: "refresh", exp: nowS() + 3600 })))).toMatch(/typ/);
    expect(await reason(signJwt(valid({ typ: "magic" })))).toMatch(/typ/);
    await expect(verifyArcadiaJwt(signJwt(valid({ typ: "access" })), config())).resolves.toMatchObject({ sub: "42" });
    await expect(verifyArcadiaJwt(signJwt(valid({ sub: "no-typ" })), config())).resolves.toMatchObject({ sub: "no-typ" });
  });

  it("refuses a token that would live longer than the configured ceiling", async () => {
    const cfg = { ...config(), maxTtlSeconds: 3600 };
    // exp - iat decides when iat is present, even if the token has little time left.
    expect(await reason(signJwt(valid({ iat: nowS() - 7000, exp: nowS() + 60 })), cfg)).toMatch(/lifetime/);
    // without iat, exp - now decides.
    expect(await reason(signJwt(valid({ exp: nowS() + 7200 })), cfg)).toMatch(/lifetime/);
    await expect(verifyArcadiaJwt(signJwt(valid({ iat: nowS(), exp: nowS() + 3600 })), cfg)).resolves.toBeTruthy();
    await expect(verifyArcadiaJwt(signJwt(valid({ sub: "short", exp: nowS() + 3000 })), cfg)).resolves.toBeTruthy();
  });

  it("rejects garbage and an empty token", async () => {
    expect(await reason("not.a.jwt")).toBe("token malformed");
    expect(await reason("")).toBe("missing token");
  });
});

describe("verifyArcadiaJwt on a token it has verified before", () => {
  afterEach(() => vi.useRealTimers());

  it("answers the same principal again", async () => {
    const token = signJwt(valid({ sub: "again" }));
    const first = await verifyArcadiaJwt(token, config());
    expect(await verifyArcadiaJwt(token, config())).toEqual(first);
  });

  it("refuses it once it has expired", async () => {
    const token = signJwt(valid({ exp: nowS() + 60 }));
    await verifyArcadiaJwt(token, config());
    vi.useFakeTimers({ now: Date.now() + 120_000 });
    expect(await reason(token)).toBe("token expired");
  });

  it("verifies it afresh under another secret, algorithm list, issuer or audience", async () => {
    const token = signJwt(valid({ iss: "arcadia", aud: "cloud" }));
    await verifyArcadiaJwt(token, config());
    expect(await reason(token, { ...config(), secret: "rotated-secret-rotated-secret-rotated-secret" })).toBe("token signature invalid");
    expect(await reason(token, { ...config(), algorithms: ["HS256"] })).toBe("token algorithm not allowed");
    expect(await reason(token, { ...config(), issuer: "someone-else" })).toMatch(/iss/);
    expect(await reason(token, { ...config(), audience: "someone-else" })).toMatch(/aud/);
  });
});

describe("bearerToken", () => {
  it("extracts the token from an Authorization header", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
