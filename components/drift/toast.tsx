"use client";

import { useEffect, useRef } from "react";

/**
 * A confirmation that appears in a corner and fades after a while. The live region is always rendered, so screen
 * readers announce the message when it appears rather than missing a region that was just created.
 */
export function Toast({ message, onDismiss, durationMs = 8000 }: { message: string | null; onDismiss: () => void; durationMs?: number }) {
  // The latest callback, so a parent re-rendering with a new function does not restart the timer.
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => dismissRef.current(), durationMs);
    return () => clearTimeout(t);
  }, [message, durationMs]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex max-w-md flex-col">
      {message ? (
        <div className="pointer-events-auto flex items-start gap-3 rounded-md bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
          <p>{message}</p>
          <button type="button" onClick={onDismiss} className="shrink-0 rounded text-slate-300 hover:text-white" aria-label="Dismiss">
            ✕
          </button>
        </div>
      ) : null}
    </div>
  );
}
