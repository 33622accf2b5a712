import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Names (identifiers and file names) are spelled the American way, as the APIs they sit beside are (`color`,
 * `authorize`, `canceled`, `unauthorized`); prose in comments and user-facing text stays as written.
 */

const root = path.resolve(import.meta.dirname, "..");
const dirs = ["app", "bench", "components", "db", "e2e", "inngest", "jobs", "lib", "scripts", "test"];
const britishStems = ["normalis", "summaris", "sanitis", "serialis", "initialis", "organis", "recognis", "authoris", "optimis", "finalis", "categoris", "customis", "prioritis", "utilis", "minimis", "maximis", "visualis", "colour", "behaviour", "favour", "catalogue", "centre"];
const british = new RegExp(britishStems.join("|"), "i");

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => /\.(tsx?|mjs|sh)$/.test(f));
}

/** The code's own words: comments and string literals dropped (roughly, which is enough for names). */
function identifiers(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
    .replace(/^\s*#.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
  return code.match(/[A-Za-z_$][\w$]*/g) ?? [];
}

describe("names", () => {
  it("use one spelling, the American one", () => {
    const found = dirs.flatMap(files).flatMap((file) => [
      ...(british.test(path.posix.basename(file)) ? [file] : []),
      ...[...new Set(identifiers(readFileSync(path.join(root, file), "utf8")))].filter((w) => british.test(w)).map((w) => `${file}: ${w}`),
    ]);
    expect(found).toEqual([]);
  });
});
