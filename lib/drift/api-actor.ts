import type { ArcadiaPrincipal } from "@/lib/auth/arcadia-jwt";

/** How an API caller is named in `recorded_by` / `resolved_by`: apart from admins signed in to the console by email. */
export function apiActor(principal: Pick<ArcadiaPrincipal, "sub">): string {
  return `arcadia-app:${principal.sub}`;
}
