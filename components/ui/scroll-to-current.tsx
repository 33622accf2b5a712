"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A nav that scrolls inside itself (a phone's tab bar) and, once mounted, brings its aria-current link into view.
 * Only the bar's own scrollLeft moves, never the page (scrollIntoView would scroll every ancestor); the markup is
 * what the server rendered, so there is nothing to mismatch at hydration, and no inline script for the CSP to refuse.
 */
export function ScrollToCurrent({ label, className, current, children }: { label: string; className: string; current: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` is what changes which link is aria-current.
  useEffect(() => {
    const bar = ref.current;
    const tab = bar?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!bar || !tab) return;
    // offsetLeft is from the bar's padding edge: the bar is the links' offsetParent (it is positioned).
    const start = tab.offsetLeft;
    const end = start + tab.offsetWidth;
    if (start < bar.scrollLeft) bar.scrollLeft = start;
    else if (end > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = end - bar.clientWidth;
  }, [current]);
  return (
    <nav ref={ref} aria-label={label} className={className}>
      {children}
    </nav>
  );
}
