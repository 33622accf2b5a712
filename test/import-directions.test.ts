import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers point one way: app/ (routes) → components/ and lib/ (domain) → db/ (data); inngest/ → lib/; jobs/ (every
 * job, composed with the queue) → inngest/ and lib/. This reads every import of the source (tests excluded: they
 * wire layers together on purpose) and fails on one that points back. Paths are resolved, so `@/db`, `../db` and
 * `import("@/db")` count alike.
 */

const root = path.resolve(import.meta.dirname, "..");

/** Plain constants beside a schema, free of drizzle: the UI may name their types (its values come through lib/). */
const constantsModules = ["db/schema/catalog-kinds.ts", "db/schema/resource-constants.ts"];

/**
 * Known violations, each to be removed by the change that mends it (issue 16); the test also fails when an entry is
 * no longer needed, so the list only shrinks.
 */
const allowed: Record<string, string[]> = {};

interface ImportRef {
  /** Repo-relative path without extension (`db/schema/catalog-kinds`), or the package name. */
  target: string;
  typeOnly: boolean;
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string, source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  // Comments may quote imports; drop them (a rough cut that keeps strings containing "//" intact enough here).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
  for (const m of code.matchAll(importPattern)) {
    const spec = m[2] ?? m[3] ?? m[4]!;
    refs.push({ target: resolveSpecifier(file, spec), typeOnly: Boolean(m[1]) });
  }
  return refs;
}

function resolveSpecifier(file: string, spec: string): string {
  const strip = (p: string) => p.replace(/\.(tsx?|jsx?|mjs)$/, "").replace(/\/index$/, "");
  if (spec.startsWith("@/")) return strip(spec.slice(2));
  if (spec.startsWith(".")) return strip(path.posix.join(path.posix.dirname(file), spec));
  return spec;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => /\.(tsx?|mts)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith(".d.ts"));
}

const under = (layer: string) => (target: string) => target === layer || target.startsWith(`${layer}/`);
const isConstantsModule = (target: string) => constantsModules.some((m) => m.replace(/\.ts$/, "") === target);

interface Rule {
  name: string;
  from: string;
  forbids: (ref: ImportRef) => boolean;
}

const rules: Rule[] = [
  { name: "components → app", from: "components", forbids: (r) => under("app")(r.target) },
  { name: "components → inngest", from: "components", forbids: (r) => under("inngest")(r.target) },
  { name: "components → db", from: "components", forbids: (r) => under("db")(r.target) && !(r.typeOnly && isConstantsModule(r.target)) },
  { name: "lib → app", from: "lib", forbids: (r) => under("app")(r.target) },
  { name: "lib → components", from: "lib", forbids: (r) => under("components")(r.target) },
  { name: "lib → inngest", from: "lib", forbids: (r) => under("inngest")(r.target) },
  // jobs/ composes every domain's jobs with the queue (inngest/): only app/ and scripts/ stand above it.
  { name: "lib → jobs", from: "lib", forbids: (r) => under("jobs")(r.target) },
  { name: "components → jobs", from: "components", forbids: (r) => under("jobs")(r.target) },
  { name: "inngest → jobs", from: "inngest", forbids: (r) => under("jobs")(r.target) },
  { name: "db → lib", from: "db", forbids: (r) => under("lib")(r.target) },
  { name: "inngest → app", from: "inngest", forbids: (r) => under("app")(r.target) },
  { name: "inngest → components", from: "inngest", forbids: (r) => under("components")(r.target) },
];

/** Every import that breaks a rule, as "rule: file → target", allowed ones left out; and the allowed files that no longer need it. */
function findViolations(read: (file: string) => string = (f) => readFileSync(path.join(root, f), "utf8"), files = sourceFiles) {
  const violations: string[] = [];
  const stillNeeded = new Set<string>();
  for (const rule of rules) {
    for (const file of files(rule.from)) {
      for (const ref of importsOf(file, read(file))) {
        if (!rule.forbids(ref)) continue;
        if (allowed[rule.name]?.includes(file)) stillNeeded.add(`${rule.name}: ${file}`);
        else violations.push(`${rule.name}: ${file} → ${ref.target}`);
      }
    }
  }
  const stale = Object.entries(allowed).flatMap(([name, list]) => list.filter((f) => !stillNeeded.has(`${name}: ${f}`)).map((f) => `${name}: ${f}`));
  return { violations: [...new Set(violations)].sort(), stale };
}

describe("import directions", () => {
  it("hold: no import points back up the layers", () => {
    const { violations, stale } = findViolations();
    expect(violations).toEqual([]);
    expect(stale, "these files no longer break the rule: remove them from `allowed`").toEqual([]);
  });

  it("constants modules that the UI may name import nothing, drizzle least of all", () => {
    for (const file of constantsModules) expect(importsOf(file, readFileSync(path.join(root, file), "utf8")), file).toEqual([]);
  });

  it("catch every way of writing an import", () => {
    const file = "components/x/widget.tsx";
    const source = [
      'import { getDb } from "@/db";',
      'import type { Db } from "../../db/client";',
      'export { runJobNow } from "@/app/(admin)/jobs/actions";',
      'const m = await import("@/inngest/client");',
      'import "@/db/schema/resources";',
      'import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";',
      'import { catalogResourceKinds } from "@/db/schema/catalog-kinds";',
      '// import { nothing } from "@/db";',
      'import { Button } from "@/components/ui/button";',
    ].join("\n");
    const { violations } = findViolations(
      () => source,
      (dir) => (dir === "components" ? [file] : []),
    );
    expect(violations).toEqual([
      "components → app: components/x/widget.tsx → app/(admin)/jobs/actions",
      "components → db: components/x/widget.tsx → db",
      "components → db: components/x/widget.tsx → db/client",
      "components → db: components/x/widget.tsx → db/schema/catalog-kinds",
      "components → db: components/x/widget.tsx → db/schema/resources",
      "components → inngest: components/x/widget.tsx → inngest/client",
    ]);
  });
});
