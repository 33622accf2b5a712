import Link from "next/link";

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-brand-700 hover:underline">
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
