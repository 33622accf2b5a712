import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Bench, figure } from "./bench";
import { distDir, ensureBuild } from "./support";

const limitKb = 200;

function findManifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findManifests(full);
    return name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/**
 * First-load JS of each admin page, gzipped, read from the production build: the framework's root chunks plus the
 * chunks of the page and every layout above it (what a browser downloads on a cold visit).
 */
export const firstLoadJsBench: Bench = {
  name: "first-load-js",
  description: `first-load JS of every admin route, gzipped (target ≤ ${limitKb} kB)`,
  async run() {
    await ensureBuild();
    const adminDir = path.join(distDir, "server/app/(admin)");
    let ok = true;
    for (const manifestFile of findManifests(adminDir).sort()) {
      const route = `/${path.relative(adminDir, path.dirname(manifestFile))}`;
      const pageKey = path.relative(path.join(distDir, "server/app"), manifestFile).replace(/_client-reference-manifest\.js$/, "");
      const buildManifest = JSON.parse(readFileSync(path.join(path.dirname(manifestFile), "page/build-manifest.json"), "utf8")) as {
        rootMainFiles: string[];
      };
      const text = readFileSync(manifestFile, "utf8");
      const entries = JSON.parse(/"entryJSFiles":(\{[^}]*\})/.exec(text)?.[1] ?? "{}") as Record<string, string[]>;
      // The page's own entry and its layouts (not the not-found / forbidden / error boundaries, loaded only when shown).
      const files = new Set(buildManifest.rootMainFiles);
      for (const [key, chunks] of Object.entries(entries)) {
        if (key.endsWith("/layout") || key === `[project]/app/${pageKey}`) for (const c of chunks) files.add(c);
      }
      const bytes = [...files].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(distDir, f))).length, 0);
      const kb = bytes / 1024;
      figure(`${route.replace(/\/page$/, "") || "/"}`, `${kb.toFixed(1)} kB gz (${files.size} chunks)`);
      if (kb > limitKb) ok = false;
    }
    return { ok };
  },
};
