import type { ReactNode } from "react";
import { MobileNav } from "./mobile-nav";
import { type NavItem, SideNav } from "./side-nav";
import { UserMenu } from "./user-menu";

export function AppShell({
  nav,
  user,
  banner,
  children,
}: {
  nav: NavItem[];
  user: { email: string; role: string };
  banner?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-56 shrink-0 flex-col gap-6 bg-slate-900 px-3 py-5 md:flex">
        <div className="px-3">
          <p className="text-lg font-semibold text-white">arcadia-cloud</p>
          <p className="text-xs text-slate-400">Cloud operations</p>
        </div>
        <SideNav items={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6 md:justify-end">
          <MobileNav items={nav} />
          <UserMenu email={user.email} role={user.role} />
        </header>
        {banner}
        {/* min-w-0: wide tables scroll inside their cards instead of widening the page past the screen. */}
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
