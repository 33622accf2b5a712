import { afterEach, beforeAll } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { setAdminActionDeps } from "@/lib/http/admin-action";

/**
 * What a server action gets from the Next runtime, which vitest has not: the session (set per test with `signInAs`)
 * and the revalidation it asks for (recorded). Everything else an action does runs for real.
 */
export function setupAdminActionRuntime() {
  let revalidated: string[] = [];
  beforeAll(() => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"; // as next.config.ts's authInterrupts does
  });
  afterEach(() => {
    setAdminActionDeps(undefined);
    revalidated = [];
  });
  return {
    signInAs(user: SessionUser | null) {
      setAdminActionDeps({ getSessionUser: async () => user, revalidatePath: (p, type) => void revalidated.push(type ? `${p} (${type})` : p) });
    },
    /** The paths revalidated in this test, "/x (layout)" for a layout. */
    revalidated: () => revalidated,
  };
}

export const adminUser: SessionUser = { id: "a-1", email: "admin@example.com", name: "Admin", role: "platform_admin", tenantId: null };
export const tenantUser: SessionUser = { id: "t-1", email: "t@example.com", name: "Tenant", role: "tenant", tenantId: "tenant-1" };

export function formData(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

/** The digest Next gives redirect(), notFound() and forbidden(): "NEXT_REDIRECT;…;/login;…", "NEXT_HTTP_ERROR_FALLBACK;403". */
export async function thrownDigest(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "resolved",
    (e: unknown) => String((e as { digest?: unknown } | undefined)?.digest),
  );
}
