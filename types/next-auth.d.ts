import type { Role } from "@/lib/auth/arcadia-jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email?: string | null; name?: string | null; role: Role; tenantId: string | null };
  }
  interface User {
    id: string;
    role: Role;
    tenantId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    tenantId?: string | null;
    /** The subject's session generation at sign-in (see lib/auth/session-generations.ts). */
    gen?: number;
    /** Set when the session was found revoked: it grants nothing. */
    revoked?: boolean;
  }
}
