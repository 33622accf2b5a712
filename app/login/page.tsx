import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { getSessionUser } from "@/lib/auth/session";
import { signInErrorMessages, signInFailedMessage } from "@/lib/auth/sign-in-messages";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";


export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths are honoured, so the sign-in page cannot be used as an open redirect (server or client side).
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const user = await getSessionUser();
  if (user && !params.error) redirect(callbackUrl);
  const error = params.error ? (signInErrorMessages[params.error] ?? signInFailedMessage) : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">Sign in to arcadia-cloud</h1>
        <p className="mt-1 text-sm text-slate-600">Platform admins sign in with email and password. Tenants arrive from arcadia-app.</p>
        <LoginForm callbackUrl={callbackUrl} initialError={error} />
      </div>
    </main>
  );
}
