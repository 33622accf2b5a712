import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  info: "bg-sky-50 text-sky-900 ring-sky-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  error: "bg-red-50 text-red-900 ring-red-200",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
} as const;

export function Banner({ tone = "info", children, role }: { tone?: keyof typeof tones; children: ReactNode; role?: "status" | "alert" }) {
  return <div role={role ?? (tone === "error" ? "alert" : "status")} className={cn("rounded-md px-4 py-3 text-sm ring-1 ring-inset", tones[tone])}>{children}</div>;
}
