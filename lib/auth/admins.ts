import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db";
import { admins } from "@/db/schema";
import { ApiError, parseOrThrow } from "@/lib/http/errors";
import { hashPassword, verifyPassword } from "./passwords";
import { revokeSessions } from "./session-generations";

export const adminCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(12, "Passwords are at least 12 characters").max(200),
});

export interface AdminDto {
  id: string;
  email: string;
  name: string | null;
}

/** Creates an admin; an existing email is a conflict, never silently overwritten. */
export async function createAdmin(db: DbOrTx, input: { email: string; password: string; name?: string }): Promise<AdminDto> {
  const { email, password } = parseOrThrow(adminCredentialsSchema, input, "admin");
  if (await findAdminByEmail(db, email)) throw new ApiError("conflict", `An admin with email ${email} already exists`);
  const [row] = await db
    .insert(admins)
    .values({ email, name: input.name ?? null, passwordHash: await hashPassword(password) })
    .returning();
  return { id: row!.id, email: row!.email, name: row!.name };
}

export async function findAdminByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(admins)
    .where(sql`lower(${admins.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

// A fixed hash compared when the email is unknown, so a miss takes as long as a wrong password.
const decoyHash = "$2b$12$CwTycUXWue0Thq9StjUM0uJ8o1Vn1Qq9o4ZbP1YwLw0k8q1bY3C1e";

/** Returns the admin when the password matches, otherwise null (without saying which part was wrong). */
export async function verifyAdminCredentials(db: DbOrTx, email: string, password: string): Promise<AdminDto | null> {
  const admin = await findAdminByEmail(db, email);
  const matches = await verifyPassword(password, admin?.passwordHash ?? decoyHash);
  if (!admin || !matches || admin.disabledAt) return null;
  await db.update(admins).set({ lastSignInAt: new Date() }).where(eq(admins.id, admin.id));
  return { id: admin.id, email: admin.email, name: admin.name };
}

/** Disables an admin: it can no longer sign in, and every session it has is revoked at once. */
export async function disableAdmin(db: Db, email: string): Promise<AdminDto> {
  return db.transaction(async (tx) => {
    const admin = await findAdminByEmail(tx, email);
    if (!admin) throw new ApiError("not_found", `No admin has the email ${email}`);
    await tx.update(admins).set({ disabledAt: new Date() }).where(eq(admins.id, admin.id));
    await revokeSessions(tx, admin.id);
    return { id: admin.id, email: admin.email, name: admin.name };
  });
}

/** Development bootstrap: creates ADMIN_EMAIL/ADMIN_PASSWORD's admin when it does not exist yet. */
export async function ensureBootstrapAdmin(db: DbOrTx, email?: string, password?: string): Promise<boolean> {
  if (!email || !password) return false;
  if (await findAdminByEmail(db, email)) return false;
  await createAdmin(db, { email, password, name: "Bootstrap admin" });
  return true;
}
