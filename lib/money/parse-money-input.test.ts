import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./parse-money-input";

describe("parseMoneyInput", () => {
  it.each([
    ["0.1", 10],
    ["0.29", 29],
    ["1.15", 115],
    ["50", 5000],
    ["49.95", 4995],
    ["1234567.89", 123456789],
    ["$49.95", 4995],
    ["2,000.50", 200050],
    ["$1,234", 123400],
    ["999999999999.99", 99999999999999],
  ])("reads the typed %j as %d cents, on the string and never through a float", (text, cents) => {
    expect(parseMoneyInput(text)).toBe(cents);
  });

  it.each(["", "$", "49.995", "-1", "-$1.00", "1e3", "1.", ".5", "A$5", "5 AUD", "1000000000000", "12.3.4"])("refuses %j", (text) => {
    expect(parseMoneyInput(text)).toBeNull();
  });
});
