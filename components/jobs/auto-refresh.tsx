"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Every component that wants the page refreshed registers here, so a page with several running jobs (or a button and
// the page both following one) still refreshes once per tick, not once per component.
const active = new Set<symbol>();
let timer: ReturnType<typeof setInterval> | undefined;
let refresh: (() => void) | undefined;

function update(intervalMs: number) {
  if (active.size && !timer) timer = setInterval(() => refresh?.(), intervalMs);
  if (!active.size && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** Re-renders the server page every `intervalMs` while `isActive`, so progress moves without a reload. */
export function useAutoRefresh(isActive: boolean, intervalMs = 1500): void {
  const router = useRouter();
  useEffect(() => {
    if (!isActive) return;
    const key = Symbol("auto-refresh");
    refresh = () => router.refresh();
    active.add(key);
    update(intervalMs);
    return () => {
      active.delete(key);
      update(intervalMs);
    };
  }, [isActive, intervalMs, router]);
}

/** Re-renders the server page every few seconds while something is running, so progress moves without a reload. */
export function AutoRefresh({ active: isActive, intervalMs }: { active: boolean; intervalMs?: number }) {
  useAutoRefresh(isActive, intervalMs);
  return null;
}
