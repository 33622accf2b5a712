import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { setupAppTestDb } from "@/test/app-db";
import { createAdmin, disableAdmin } from "./admins";
import { authOptions } from "./options";
import { maxFailures } from "./sign-in-with-password";

const getDb = setupAppTestDb();
const password = "options-test-password-1";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (credentials: Record<string, string>, address = "198.51.100.20") =>
  (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize(credentials, {
    headers: { "x-forwarded-for": `10.0.0.1, ${address}` },
  });
const callbacks = () => authOptions().callbacks!;
const signedInToken = async (admin: { id: string; email: string }) =>
  (await callbacks().jwt!({
    token: { sub: admin.id, email: admin.email },
    user: { id: admin.id, email: admin.email, role: "platform_admin", tenantId: null },
    account: null,
  } as never)) as JWT;
const readSession = async (token: JWT) => {
  const read = (await callbacks().jwt!({ token } as never)) as JWT;
  const session = await callbacks().session!({ session: { expires: "2099-01-01T00:00:00Z", user: {} }, token: read } as never);
  return session as unknown as { user?: { role?: string } };
};

describe("the password provider", () => {
  it("answers a locked account with the TooManyAttempts code, even for the right password", { timeout: 120_000 }, async () => {
    const admin = await createAdmin(getDb().db, { email: `locked-${Date.now()}@example.com`, password });
    for (let i = 0; i < maxFailures; i++) expect(await authorize({ email: admin.email, password: `wrong-password-${i}` })).toBeNull();
    await expect(authorize({ email: admin.email, password })).rejects.toThrow("TooManyAttempts");
  });

  it("signs in with the right password", async () => {
    const admin = await createAdmin(getDb().db, { email: `fine-${Date.now()}@example.com`, password });
    expect(await authorize({ email: admin.email, password }, "198.51.100.21")).toMatchObject({ id: admin.id, role: "platform_admin" });
  });
});

describe("sessions", () => {
  it("stop working once their admin signs out, on every device", async () => {
    const admin = await createAdmin(getDb().db, { email: `signout-${Date.now()}@example.com`, password });
    const laptop = await signedInToken(admin);
    const phone = await signedInToken(admin);
    expect((await readSession(laptop)).user?.role).toBe("platform_admin");
    await authOptions().events!.signOut!({ token: laptop } as never);
    expect((await readSession(laptop)).user).toBeUndefined();
    expect((await readSession(phone)).user).toBeUndefined();
    // A fresh sign-in after that works.
    expect((await readSession(await signedInToken(admin))).user?.role).toBe("platform_admin");
  });

  it("stop working once their admin is disabled", async () => {
    const admin = await createAdmin(getDb().db, { email: `disabled-${Date.now()}@example.com`, password });
    const token = await signedInToken(admin);
    await disableAdmin(getDb().db, admin.email);
    expect((await readSession(token)).user).toBeUndefined();
  });
});
