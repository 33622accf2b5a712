import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crossRate, EcbFormatError, parseEcbRates } from "./parse-ecb-rates";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

describe("parseEcbRates", () => {
  it("reads the daily file (one day: the inner Cube is a single element)", () => {
    const days = parseEcbRates(fixture("ecb-daily.xml"));
    expect(days).toHaveLength(1);
    expect(days[0]!.date).toBe("2026-04-30");
    expect(days[0]!.perEur.get("USD")).toBe("1.0803");
    expect(days[0]!.perEur.get("AUD")).toBe("1.6540");
    // Rates stay the strings the ECB wrote: "389.40", not 389.4.
    expect(days[0]!.perEur.get("HUF")).toBe("389.40");
    expect(days[0]!.perEur.size).toBe(29);
  });

  it("reads a history file, newest day first", () => {
    const days = parseEcbRates(fixture("ecb-hist.xml"));
    expect(days.map((d) => [d.date, d.perEur.get("USD"), d.perEur.get("AUD")])).toEqual([
      ["2026-04-30", "1.0803", "1.6540"],
      ["2026-04-29", "1.0850", "1.6612"],
      ["2026-03-31", "1.0791", "1.6498"],
    ]);
  });

  it("refuses malformed XML and XML of another shape, saying which", () => {
    const daily = fixture("ecb-daily.xml");
    expect(() => parseEcbRates(daily.slice(0, daily.length / 2))).toThrow(EcbFormatError);
    expect(() => parseEcbRates(daily.slice(0, daily.length / 2))).toThrow(/not well-formed XML/);
    expect(() => parseEcbRates("<html><body>Service unavailable</body></html>")).toThrow(/not the ECB reference-rate format/);
    expect(() => parseEcbRates(daily.replace("rate='1.0803'", "rate='1,0803'"))).toThrow(/a rate is not a positive decimal/);
    expect(() => parseEcbRates(daily.replace("time='2026-04-30'", "time='30/04/2026'"))).toThrow(/YYYY-MM-DD/);
    expect(() => parseEcbRates(daily.replace("rate='1.0803'", "rate='0.0000'"))).toThrow(/a rate is zero/);
  });
});

describe("crossRate: through EUR, rounded half up to 8 decimals", () => {
  const [day] = parseEcbRates(fixture("ecb-daily.xml"));

  it("USD→AUD = AUD per EUR ÷ USD per EUR", () => {
    // 1.6540 / 1.0803 = 1.5310561880958… → 1.53105619
    expect(crossRate(day!, "USD", "AUD")).toBe("1.53105619");
    // 1.0803 / 1.6540 = 0.6531438935912… → 0.65314389
    expect(crossRate(day!, "AUD", "USD")).toBe("0.65314389");
    // NZD→AUD: 1.6540 / 1.8123 = 0.9126524306131… → 0.91265243
    expect(crossRate(day!, "NZD", "AUD")).toBe("0.91265243");
  });

  it("EUR is 1: EUR→AUD is the quoted rate, USD→EUR its inverse", () => {
    expect(crossRate(day!, "EUR", "AUD")).toBe("1.65400000");
    // 1 / 1.0803 = 0.9256687957… → 0.92566880
    expect(crossRate(day!, "USD", "EUR")).toBe("0.92566880");
  });

  it("a currency the day does not quote has no rate", () => {
    expect(crossRate(day!, "XYZ", "AUD")).toBeNull();
    expect(crossRate(day!, "USD", "XYZ")).toBeNull();
  });
});
