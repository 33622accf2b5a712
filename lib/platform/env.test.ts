import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const secrets = {
  ARCADIA_JWT_SECRET: "env-test-arcadia-secret-0123456789abcdef",
  NEXTAUTH_SECRET: "env-test-nextauth-secret-0123456789abcdef",
};

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).problems;
  }
  throw new Error("environment was accepted");
}

describe("parseEnv", () => {
  it("refuses production without ARCADIA_JWT_ISSUER, naming the variable", () => {
    expect(problems({ ...secrets, NODE_ENV: "production" }).join("\n")).toMatch(/^ARCADIA_JWT_ISSUER: .*required in production/m);
    expect(parseEnv({ ...secrets, NODE_ENV: "production", ARCADIA_JWT_ISSUER: "arcadia-app" }).ARCADIA_JWT_ISSUER).toBe("arcadia-app");
  });

  it("does not require an issuer in development and tests", () => {
    expect(parseEnv({ ...secrets, NODE_ENV: "development" }).ARCADIA_JWT_ISSUER).toBeUndefined();
  });

  it("reads ARCADIA_JWT_MAX_TTL as seconds or with a unit, 30 days by default", () => {
    expect(parseEnv(secrets).ARCADIA_JWT_MAX_TTL).toBe(30 * 86_400);
    expect(parseEnv({ ...secrets, ARCADIA_JWT_MAX_TTL: "3600" }).ARCADIA_JWT_MAX_TTL).toBe(3600);
    expect(parseEnv({ ...secrets, ARCADIA_JWT_MAX_TTL: "12h" }).ARCADIA_JWT_MAX_TTL).toBe(43_200);
    expect(parseEnv({ ...secrets, ARCADIA_JWT_MAX_TTL: "7d" }).ARCADIA_JWT_MAX_TTL).toBe(604_800);
    expect(problems({ ...secrets, ARCADIA_JWT_MAX_TTL: "a month" }).join("\n")).toMatch(/^ARCADIA_JWT_MAX_TTL: /m);
  });
});

describe("FX_RATES_URL", () => {
  it("defaults to the ECB's 90-day history and refuses anything but http(s)", () => {
    expect(parseEnv(secrets).FX_RATES_URL).toBe("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml");
    expect(parseEnv({ ...secrets, FX_RATES_URL: "http://127.0.0.1:4010/ecb/eurofxref-hist.xml" }).FX_RATES_URL).toBe("http://127.0.0.1:4010/ecb/eurofxref-hist.xml");
    for (const url of ["file:///etc/passwd", "ftp://example.com/rates.xml", "javascript:alert(1)", "not a url"]) {
      expect(problems({ ...secrets, FX_RATES_URL: url }).join("\n")).toMatch(/^FX_RATES_URL: must be an http\(s\) URL/m);
    }
  });
});

describe("Spaces", () => {
  it("is optional; SPACES_REGIONS defaults to DO's six Spaces regions and takes a comma-separated list", () => {
    const e = parseEnv(secrets);
    expect([e.SPACES_ACCESS_KEY_ID, e.SPACES_SECRET_ACCESS_KEY, e.SPACES_ENDPOINT]).toEqual([undefined, undefined, undefined]);
    expect(e.SPACES_REGIONS).toEqual(["syd1", "sgp1", "nyc3", "ams3", "fra1", "sfo3"]);
    expect(parseEnv({ ...secrets, SPACES_REGIONS: "syd1, sgp1" }).SPACES_REGIONS).toEqual(["syd1", "sgp1"]);
  });

  it("refuses a region that is no region slug and an endpoint that is no http(s) URL", () => {
    expect(problems({ ...secrets, SPACES_REGIONS: "syd1,https://x" }).join("\n")).toMatch(/^SPACES_REGIONS/m);
    expect(problems({ ...secrets, SPACES_ENDPOINT: "file:///etc" }).join("\n")).toMatch(/^SPACES_ENDPOINT: must be an http\(s\) URL/m);
  });
});

describe("the cost anomaly thresholds", () => {
  it("default to more than 50 % and more than US$100 above the median, and take decimals", () => {
    expect([parseEnv(secrets).COST_ANOMALY_MIN_PCT, parseEnv(secrets).COST_ANOMALY_MIN_USD]).toEqual([50, 100]);
    const e = parseEnv({ ...secrets, COST_ANOMALY_MIN_PCT: "25.5", COST_ANOMALY_MIN_USD: "12.34" });
    expect([e.COST_ANOMALY_MIN_PCT, e.COST_ANOMALY_MIN_USD]).toEqual([25.5, 12.34]);
  });

  it("refuse what is no non-negative number", () => {
    for (const [name, value] of [["COST_ANOMALY_MIN_PCT", "-1"], ["COST_ANOMALY_MIN_PCT", "half"], ["COST_ANOMALY_MIN_USD", "US$100"], ["COST_ANOMALY_MIN_USD", "0.001"]]) {
      expect(problems({ ...secrets, [name!]: value! }).join("\n")).toMatch(new RegExp(`^${name}: `, "m"));
    }
  });
});
