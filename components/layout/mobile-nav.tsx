"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { type NavItem, SideNav } from "./side-nav";

/**
 * Below the `md` breakpoint the sidebar is hidden: this button opens the same navigation in a modal dialog (the
 * browser's own <dialog>, which traps focus, closes on Escape and gives focus back to the button), and following a
 * link closes it.
 */
export function MobileNav({ items }: { items: NavItem[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();
  // A link was followed: the new page is showing, so the menu goes away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is what a change of pathname means here
  useEffect(() => {
    dialog.current?.close();
  }, [pathname]);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-controls="mobile-menu"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        Menu
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click is a pointer shortcut; keyboards close it with Escape or Close menu */}
      <dialog
        id="mobile-menu"
        ref={dialog}
        aria-label="Main menu"
        // A click on the backdrop lands on the dialog itself, outside its panel.
        onClick={(e) => {
          if (e.target === e.currentTarget) e.currentTarget.close();
        }}
        className="m-0 h-full max-h-none w-72 max-w-[85vw] bg-slate-900 p-0 backdrop:bg-slate-900/50"
      >
        <div className="flex h-full flex-col gap-6 px-3 py-5">
          <div className="flex items-center justify-between px-3">
            <p className="text-lg font-semibold text-white">arcadia-cloud</p>
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md px-2 py-1 text-sm font-medium text-slate-200 ring-1 ring-inset ring-slate-600 hover:bg-slate-800"
            >
              Close menu
            </button>
          </div>
          <SideNav items={items} />
        </div>
      </dialog>
    </>
  );
}
