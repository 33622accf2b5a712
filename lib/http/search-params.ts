import type { output, ZodType } from "zod";

// A list page's URL state: its filters, sort and page live in the address, so a view can be shared and survives a
// reload. Pages read it with their schema and write every link (sort headers, pagination, tabs) through hrefWith.
// Pure and zod-free at run time, so client tables can build their sort links with it too.

/** A value of URL state; undefined, null, "" and false are left out of a link. */
export type ParamValue = string | number | boolean | null | undefined;

/** Where a list page is and what it shows; `defaults` are the values its schema fills in, which links leave out. */
export interface UrlState {
  path: string;
  params: Record<string, ParamValue>;
  defaults?: Record<string, ParamValue>;
}

/**
 * Reads a page's search params with its schema. The first value of a repeated parameter counts, and a blank one (a
 * GET form's empty field) is absent. A parameter that fails is dropped, taking its `fallback` or the schema's default,
 * and `isValid` says so (the page tells the user) rather than the page failing. Dropping repeats until the rest
 * parses: zod runs a check across parameters (a range's order) only once every field parses, so it may fail next.
 */
export function parseSearchParams<S extends ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  options: { fallback?: Record<string, unknown> } = {},
): { query: output<S>; isValid: boolean } {
  let input = Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => value !== ""),
  );
  const fellBack = new Set<string>();
  for (let isValid = true; ; isValid = false) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { query: parsed.data, isValid };
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    // A failing fallback is not offered twice, so every round removes something and the loop ends.
    const fallback = Object.entries(options.fallback ?? {}).filter(([key]) => bad.has(key) && !fellBack.has(key));
    for (const [key] of fallback) fellBack.add(key);
    const kept = Object.fromEntries(Object.entries(input).filter(([key]) => !bad.has(key)));
    const next = { ...kept, ...Object.fromEntries(fallback) };
    // Nothing left to drop: the schema's own defaults are refused, which is a bug in the schema, not the address.
    if (Object.keys(kept).length === Object.keys(input).length && fallback.length === 0) return { query: schema.parse(next), isValid: false };
    input = next;
  }
}

/** The search params of `state` with `changes` merged over it (undefined removes a parameter), defaults left out. */
export function searchParamsOf(state: UrlState, changes: Record<string, ParamValue> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...state.params, ...changes })) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (state.defaults && value === state.defaults[key]) continue;
    params.set(key, String(value));
  }
  return params;
}

/** A link to the page in `state` with `changes` applied: short, one URL per view, the bare path when nothing is set. */
export function hrefWith(state: UrlState, changes: Record<string, ParamValue> = {}): string {
  const query = searchParamsOf(state, changes).toString();
  return query ? `${state.path}?${query}` : state.path;
}
