import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { env } from "@/lib/platform/env";
import { safeCallbackPath } from "./safe-callback-path";
import { currentSessionGeneration, revokeSessions } from "./session-generations";
import { signInWithPassword } from "./sign-in-with-password";

/** The error code the sign-in form shows as "too many attempts" (lib/auth/sign-in-messages.ts). */
const tooManyAttemptsError = "TooManyAttempts";

/**
 * The client's address as the nearest proxy saw it: the last x-forwarded-for entry (Next's own server sets the header
 * to the socket's address when no proxy did). Per-account throttling does not depend on it.
 */
function clientAddressOf(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  return value.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
}

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
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const result = await signInWithPassword(getDb(), {
            email: credentials.email,
            password: credentials.password,
            clientAddress: clientAddressOf(req.headers),
          });
          // next-auth hands a thrown message to the form as its error code.
          if (result.outcome === "locked") throw new Error(tooManyAttemptsError);
          if (result.outcome !== "ok") return null;
          const { admin } = result;
          return { id: admin.id, email: admin.email, name: admin.name, role: "platform_admin", tenantId: null };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (token?.sub) await revokeSessions(getDb(), token.sub);
      },
    },
    callbacks: {
      // next-auth's own check lets `/\host` through as "relative"; resolve it as a browser would instead.
      redirect({ url, baseUrl }) {
        const sameSite = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeCallbackPath(sameSite)}`;
      },
      async jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.tenantId = user.tenantId;
          token.gen = await currentSessionGeneration(getDb(), user.id);
          return token;
        }
        // Every read of a session checks it was not signed out (or its admin disabled) since it was issued.
        if (token.revoked || !token.sub || (token.gen ?? 0) !== (await currentSessionGeneration(getDb(), token.sub))) {
          return { revoked: true };
        }
        return token;
      },
      session({ session, token }) {
        if (token.revoked) return { expires: session.expires } as typeof session;
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
