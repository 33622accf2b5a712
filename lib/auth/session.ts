import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type Session } from "next-auth";
import { authOptions } from "./options";

export type SessionUser = Session["user"];

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.role ? session.user : null;
}

/**
 * Every admin page (through the admin layout) and every admin server action calls this: a server action is a public
 * POST endpoint, so the layout's check alone would not protect it. `getUser` lets adminAction's tests supply the
 * session that the Next runtime otherwise reads from the request.
 */
export async function requireAdmin(getUser: () => Promise<SessionUser | null> = getSessionUser): Promise<SessionUser> {
  const user = await getUser();
  if (!user) redirect("/login");
  if (user.role !== "platform_admin") forbidden();
  return user;
}

/** Pages any signed-in user may see (the tenant plans page). */
export async function requireUser(callbackUrl: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}
