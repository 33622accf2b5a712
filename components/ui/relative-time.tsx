"use client";

import { useEffect, useState } from "react";
import { formatLocalDateTime } from "@/lib/time/format-month";
import { formatAge, formatDateTime } from "./format";

/**
 * "5m ago", with the exact time (UTC, and the admin's local time) in its tooltip. `now` comes from the server that
 * rendered the page, so the server's HTML and the browser's first render agree (no hydration error); the local time
 * is only known in the browser, so it joins the tooltip once mounted.
 */
export function RelativeTime({ iso, now, className }: { iso: string | null | undefined; now: number; className?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    if (!iso) return;
    const d = new Date(iso);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setLocal(`${formatLocalDateTime(d)} ${zone}`);
  }, [iso]);
  if (!iso) return <span className={className}>never</span>;
  const utc = formatDateTime(iso);
  return (
    <time dateTime={iso} title={local ? `${utc} · ${local} (your time)` : utc} className={className}>
      {formatAge(iso, now)}
    </time>
  );
}
