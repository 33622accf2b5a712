import { ApiError } from "./errors";
import { isStorableText, unstorableTextMessage } from "./input-schemas";

/**
 * How deep a request body may nest. Real bodies (a spec mirrors a DO object) stay under ten levels; thousands of levels
 * would exhaust the stack of whatever walks the value next (zod, JSON.stringify, PostgreSQL's jsonb parser).
 */
export const maxJsonDepth = 32;

/**
 * Reads a JSON body. Empty, malformed, nested deeper than `maxJsonDepth`, or holding a string PostgreSQL cannot store
 * (a key or value with NUL or an unpaired surrogate: free-form values such as a spec's go into jsonb as they are) is a
 * 400 naming where, never a 500.
 */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) throw new ApiError("invalid_request", "Request body is empty; expected JSON");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid JSON");
  }
  const problem = findProblem(value);
  if (problem) throw new ApiError("invalid_request", `Invalid body (${problem.path || "body"}: ${problem.message})`, [{ code: "custom", ...problem }]);
  return value;
}

/** Walks the parsed value without recursion (the point is to refuse depth before anything recursive meets it). */
function findProblem(root: unknown): { path: string; message: string } | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: "" }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value)) return { path, message: unstorableTextMessage };
    } else if (value && typeof value === "object") {
      if (depth >= maxJsonDepth) return { path, message: `nested deeper than ${maxJsonDepth} levels` };
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, path: join(path, i) });
      } else {
        for (const [k, v] of Object.entries(value)) {
          if (!isStorableText(k)) return { path: join(path, JSON.stringify(k)), message: `keys ${unstorableTextMessage}` };
          stack.push({ value: v, depth: depth + 1, path: join(path, k) });
        }
      }
    }
  }
  return null;
}
