import "server-only";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/platform/env";
import type { ArcadiaPrincipal } from "./arcadia-jwt";
import { sessionMaxAgeSeconds } from "./options";

/** next-auth's own cookie naming: the __Secure- prefix whenever the site is served over https. */
export function sessionCookieName(): string {
  return isSecureSite() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function isSecureSite(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** Whose session it is, for revocation: arcadia-app's users are namespaced apart from admin ids. */
export const arcadiaSessionSubject = (principal: ArcadiaPrincipal) => `arcadia:${principal.sub}`;

/** A next-auth session token for someone who arrived with a verified arcadia-app JWT. */
export async function encodeSessionFor(principal: ArcadiaPrincipal, generation: number): Promise<{ value: string; maxAge: number }> {
  // A sign-in link's token is short-lived by design; the session it is exchanged for lasts the usual working day.
  const maxAge = sessionMaxAgeSeconds;
  const value = await encode({
    secret: env().NEXTAUTH_SECRET,
    maxAge,
    token: {
      sub: arcadiaSessionSubject(principal),
      name: principal.name ?? null,
      email: principal.email ?? null,
      role: principal.role,
      tenantId: principal.tenantId,
      gen: generation,
    },
  });
  return { value, maxAge };
}
