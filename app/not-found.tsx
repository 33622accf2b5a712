import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
          Go to the console
        </Link>
      </div>
    </main>
  );
}
