/**
 * What an admin page shows while its data loads (after sign-in, and when following a link): the console's frame
 * stays, and the content area says it is loading instead of going blank.
 */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-4 w-full max-w-xl animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-64 w-full animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
    </div>
  );
}
