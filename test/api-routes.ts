import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteFile {
  file: string;
  /** OpenAPI-style path, e.g. /api/v1/drift/{id}/accept */
  apiPath: string;
  /** The same path with every dynamic segment filled with a well-formed id. */
  samplePath: string;
  sampleParams: Record<string, string>;
}

const sampleId = "00000000-0000-4000-8000-000000000000";

/** Every route file under app/api/v1, found on disk, so a new route is covered by the tests the moment it exists. */
export function listApiRouteFiles(): RouteFile[] {
  const appDir = path.join(process.cwd(), "app");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      // The catch-all (app/api/v1/[...path]) answers 404 for paths no operation serves: it is not an operation's route.
      if (name.startsWith("[...")) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") files.push(full);
    }
  };
  walk(path.join(appDir, "api/v1"));
  return files.map((file) => {
    const rel = `/${path.relative(appDir, path.dirname(file))}`;
    return {
      file,
      apiPath: rel.replace(/\[([^\]]+)\]/g, "{$1}"),
      samplePath: rel.replace(/\[([^\]]+)\]/g, sampleId),
      sampleParams: Object.fromEntries([...rel.matchAll(/\[([^\]]+)\]/g)].map((m) => [m[1]!, sampleId])),
    };
  });
}
