"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { signInErrorMessages, signInFailedMessage } from "@/lib/auth/sign-in-messages";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  // Signed in, and the console is loading: the form says so rather than looking idle (or blank) meanwhile.
  const [isOpening, setOpening] = useState(false);
  // Until the form is hydrated a click would submit it natively; the button waits for the script instead.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("password", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    });
    if (!res || res.error) {
      setPending(false);
      setError(signInErrorMessages[res?.error ?? "CredentialsSignin"] ?? signInFailedMessage);
      return;
    }
    setOpening(true);
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    // method="post": even a native submission never puts the password in a URL (history, logs, Referer).
    <form method="post" onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate={false}>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="text-sm font-medium text-slate-800">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <Button type="submit" disabled={pending || !ready}>
        {isOpening ? "Opening the console…" : pending ? "Signing in…" : "Sign in"}
      </Button>
      <p role="status" className="text-sm text-slate-600 empty:hidden">
        {isOpening ? "Signed in. Opening the console…" : ""}
      </p>
    </form>
  );
}
