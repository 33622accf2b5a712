// Resolved against a placeholder origin: only whether the value stays on *our* origin matters, and the browser will
// resolve the path we return against the real one.
const placeholderOrigin = "https://callback.invalid";

/**
 * Where to send someone after sign-in: the value only if it is a path on this site, otherwise `fallback`. The value is
 * parsed as a browser would parse it (backslashes as slashes, tabs and newlines dropped), and what is returned is the
 * parsed path, never the raw input, so `/\evil.example` or `/<TAB>/evil.example` cannot leave the site.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  let url: URL;
  try {
    url = new URL(value, placeholderOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== placeholderOrigin) return fallback;
  // The raw value must itself be a path ("/x"), not a scheme-relative or bare host that happened to resolve here.
  if (!/^\/(?![/\\])/.test(value.replace(/[\t\n\r]/g, ""))) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
