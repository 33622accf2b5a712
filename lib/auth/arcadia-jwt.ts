import "server-only";
import { errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import type { Env } from "@/lib/platform/env";
import { isStorableText } from "@/lib/http/input-schemas";

/**
 * Verifies the JWTs arcadia-app issues (Guardian, HMAC with a shared secret). We only ever verify: nothing here
 * signs a token. The key is the secret's UTF-8 bytes, as Guardian uses it.
 */

export const roles = ["platform_admin", "tenant"] as const;
export type Role = (typeof roles)[number];

export const arcadiaClaimsSchema = z
  .object({
    sub: z.union([z.string().min(1), z.number()]).transform(String),
    role: z.enum(roles),
    tenant_id: z.union([z.string().min(1), z.number()]).transform(String).optional(),
    exp: z.number(),
    iat: z.number().optional(),
    // Guardian marks its tokens' purpose; only access tokens may call us (a long-lived refresh token must not).
    typ: z.literal("access", { error: 'token "typ" must be "access"' }).optional(),
    name: z.string().optional(),
    email: z.string().optional(),
  })
  .refine((c) => c.role !== "tenant" || c.tenant_id !== undefined, {
    message: "tenant tokens must carry tenant_id",
    path: ["tenant_id"],
  })
  // Claims end up in queries and stored rows (recorded_by, the tenant tag): text the database cannot store is refused here.
  .refine((c) => [c.sub, c.tenant_id, c.name, c.email].every((v) => v === undefined || isStorableText(v)), {
    message: "must not contain NUL characters or unpaired surrogates in sub, tenant_id, name or email",
  });

export interface ArcadiaPrincipal {
  sub: string;
  role: Role;
  tenantId: string | null;
  name?: string;
  email?: string;
  expiresAt: Date;
}

export interface JwtVerifierConfig {
  secret: string;
  algorithms: readonly ("HS256" | "HS384" | "HS512")[];
  issuer?: string;
  audience?: string;
  /** Longest lifetime a token may have: exp - iat, or exp - now without iat. */
  maxTtlSeconds?: number;
}

/** The verifier settings from the environment: the API and the sign-in link check tokens exactly alike. */
export function arcadiaVerifierConfig(e: Env): JwtVerifierConfig {
  return {
    secret: e.ARCADIA_JWT_SECRET,
    algorithms: e.ARCADIA_JWT_ALGORITHMS,
    issuer: e.ARCADIA_JWT_ISSUER,
    audience: e.ARCADIA_JWT_AUDIENCE,
    maxTtlSeconds: e.ARCADIA_JWT_MAX_TTL,
  };
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidTokenError";
  }
}

const clockToleranceSeconds = 5;
const verifiedCacheSize = 10_000;
/**
 * Tokens that passed verification, by token text, until they expire: arcadia-app sends one token on every call of a
 * session, and verifying it again would only repeat the answer. An entry counts only under the configuration it was
 * verified with (a rotated secret or a narrowed algorithm list verifies afresh).
 */
const verified = new Map<string, { configKey: string; principal: ArcadiaPrincipal }>();

const configKeyOf = (c: JwtVerifierConfig) =>
  [c.secret, c.algorithms.join(","), c.issuer ?? "", c.audience ?? "", c.maxTtlSeconds ?? ""].join("\u0000");

/** Returns the principal, or throws InvalidTokenError with a reason safe to show the caller (never the token). */
export async function verifyArcadiaJwt(token: string, config: JwtVerifierConfig): Promise<ArcadiaPrincipal> {
  if (!token) throw new InvalidTokenError("missing token");
  const configKey = configKeyOf(config);
  const hit = verified.get(token);
  if (hit && hit.configKey === configKey && Date.now() < hit.principal.expiresAt.getTime() + clockToleranceSeconds * 1000) {
    return hit.principal;
  }
  if (hit) verified.delete(token);
  const principal = await verifyUncached(token, config);
  if (verified.size >= verifiedCacheSize) verified.delete(verified.keys().next().value!); // oldest first
  verified.set(token, { configKey, principal });
  return principal;
}

async function verifyUncached(token: string, config: JwtVerifierConfig): Promise<ArcadiaPrincipal> {
  let payload: unknown;
  try {
    const result = await jwtVerify(token, new TextEncoder().encode(config.secret), {
      algorithms: [...config.algorithms],
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ["exp"],
      clockTolerance: clockToleranceSeconds,
    });
    payload = result.payload;
  } catch (e) {
    throw new InvalidTokenError(describeJoseError(e));
  }
  const claims = arcadiaClaimsSchema.safeParse(payload);
  if (!claims.success) {
    const issue = claims.error.issues[0];
    throw new InvalidTokenError(`token claims invalid: ${issue?.path.join(".") || "claims"} ${issue?.message ?? ""}`.trim());
  }
  const c = claims.data;
  if (config.maxTtlSeconds !== undefined) {
    const lifetime = c.exp - (c.iat ?? Math.floor(Date.now() / 1000));
    if (lifetime > config.maxTtlSeconds + clockToleranceSeconds) {
      throw new InvalidTokenError(`token lifetime exceeds the ${config.maxTtlSeconds} s allowed`);
    }
  }
  return {
    sub: c.sub,
    role: c.role,
    tenantId: c.tenant_id ?? null,
    name: c.name,
    email: c.email,
    expiresAt: new Date(c.exp * 1000),
  };
}

function describeJoseError(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return "token expired";
  if (e instanceof joseErrors.JWTClaimValidationFailed) return `token claim "${e.claim}" invalid: ${e.reason}`;
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return "token algorithm not allowed";
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return "token signature invalid";
  if (e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JWTInvalid) return "token malformed";
  return "token invalid";
}

export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m?.[1] ?? null;
}
