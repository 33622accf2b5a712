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
    // From the rects, not offsetLeft/offsetWidth, which round to whole pixels and would leave a sliver of the tab cut
    // off; rounded outwards, the browser clamps at the ends.
    const view = bar.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    const left = view.left + bar.clientLeft;
    const right = left + bar.clientWidth;
    if (box.left < left) bar.scrollLeft += Math.floor(box.left - left);
    else if (box.right > right) bar.scrollLeft += Math.ceil(box.right - right);
  }, [current]);
  return (
    <nav ref={ref} aria-label={label} className={className}>
      {children}
    </nav>
  );
}
