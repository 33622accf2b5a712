"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Who is signed in (`email`: their address, or their name) with their role, and Sign out. */
export function UserMenu({ email, role, detail }: { email: string; role: string; /** Shown after the role: the tenant a tenant user belongs to. */ detail?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex min-w-0 items-center gap-3">
      <div className="min-w-0 text-right leading-tight">
        <p className="truncate text-sm font-medium text-slate-900" title={email}>
          {email}
        </p>
        <p className="truncate text-xs text-slate-600">
          {role === "platform_admin" ? "Platform admin" : "Tenant"}
          {detail ? ` · ${detail}` : ""}
        </p>
      </div>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
        className="shrink-0 whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
