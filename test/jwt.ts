import { createHmac } from "node:crypto";

/**
 * Signs tokens the way arcadia-app's Guardian does, written independently of the verifier (node:crypto, not jose),
 * so a bug in how we verify cannot be mirrored by how the test signs.
 */
export const testSecret = () => process.env.ARCADIA_JWT_SECRET!;

const b64url = (v: string | Buffer) => Buffer.from(v).toString("base64url");

export function signJwt(
  claims: Record<string, unknown>,
  opts: { secret?: string; alg?: "HS256" | "HS384" | "HS512" | "none" | "RS256"; header?: Record<string, unknown> } = {},
): string {
  const alg = opts.alg ?? "HS512";
  const header = b64url(JSON.stringify({ alg, typ: "JWT", ...opts.header }));
  const payload = b64url(JSON.stringify(claims));
  const input = `${header}.${payload}`;
  if (alg === "none") return `${input}.`;
  const hash = { HS256: "sha256", HS384: "sha384", HS512: "sha512", RS256: "sha256" }[alg];
  return `${input}.${createHmac(hash, opts.secret ?? testSecret()).update(input).digest("base64url")}`;
}

const nowS = () => Math.floor(Date.now() / 1000);

export function adminToken(extra: Record<string, unknown> = {}): string {
  return signJwt({ sub: "user-1", role: "platform_admin", exp: nowS() + 600, iat: nowS(), typ: "access", ...extra });
}

export function tenantToken(tenantId = "acme", extra: Record<string, unknown> = {}): string {
  return signJwt({ sub: "user-2", role: "tenant", tenant_id: tenantId, exp: nowS() + 600, iat: nowS(), ...extra });
}

export { nowS };
