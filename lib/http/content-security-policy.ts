/**
 * The Content-Security-Policy of every page: scripts only with this response's nonce (Next puts it on its own
 * scripts when it finds the policy on the request; 'strict-dynamic' lets those load the chunks they import), no
 * plugins, no framing, no <base> or form posts elsewhere. Style attributes stay allowed: React renders `style={…}`
 * into the HTML, and a style attribute cannot run code.
 */
export function contentSecurityPolicy(nonce: string, opts: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Development's React refresh evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and a fresh one for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
