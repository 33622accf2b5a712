import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { verifyAdminCredentials } from "./admins";
import { safeCallbackPath } from "./safe-callback-path";

/** Browser sessions last a working day; arcadia-app users come back through a fresh sign-in link. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const admin = await verifyAdminCredentials(getDb(), credentials.email, credentials.password);
          if (!admin) return null;
          return { id: admin.id, email: admin.email, name: admin.name, role: "platform_admin", tenantId: null };
        },
      }),
    ],
    callbacks: {
      // next-auth's own check lets `/\host` through as "relative"; resolve it as a browser would instead.
      redirect({ url, baseUrl }) {
        const sameSite = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeCallbackPath(sameSite)}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.tenantId = user.tenantId;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          email: token.email,
          name: token.name,
          role: token.role ?? "tenant",
          tenantId: token.tenantId ?? null,
        };
        return session;
      },
    },
  };
}
