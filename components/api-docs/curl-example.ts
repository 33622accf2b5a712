import type { Operation } from "@/lib/http/operation";

/** `{resourceId}` → `RESOURCE_ID`: a placeholder that reads as one and that curl's URL globbing leaves alone. */
const placeholder = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

/** Single-quoted for a POSIX shell: a quote inside closes, escapes and reopens. */
const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * A curl command that calls the operation against this deployment: `$ARCADIA_URL` and `$TOKEN` from the
 * environment, path parameters as placeholders, required query parameters with placeholders, and the example body.
 */
export function curlExample(op: Pick<Operation, "method" | "path" | "roles" | "bodyExample">, requiredQuery: string[] = []): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => placeholder(name));
  const query = requiredQuery.map((q) => `${q}=${placeholder(q)}`).join("&");
  const lines = [`curl -X ${op.method} "$ARCADIA_URL${path}${query ? `?${query}` : ""}"`];
  if (op.roles !== "public") lines.push(`-H "Authorization: Bearer $TOKEN"`);
  if (op.bodyExample !== undefined) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(op.bodyExample))}`);
  }
  return lines.join(" \\\n  ");
}
