"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function UserMenu({ email, role }: { email: string; role: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3">
      <div className="text-right leading-tight">
        <p className="text-sm font-medium text-slate-900">{email}</p>
        <p className="text-xs text-slate-600">{role === "platform_admin" ? "Platform admin" : "Tenant"}</p>
      </div>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
