import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center px-6">
      <div className="max-w-md rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-red-700">403 · Forbidden</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page is for platform admins</h1>
        <p className="mt-3 text-sm text-slate-600">
          You are signed in, but your account does not have the platform admin role. If you believe this is wrong, ask
          an arcadia-cloud administrator.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/plans" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Browse plans
          </Link>
          <Link href="/api/auth/signout" className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Sign out
          </Link>
        </div>
      </div>
    </main>
  );
}
