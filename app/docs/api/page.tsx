import type { Metadata } from "next";
import { Markdown } from "@/components/api-docs/markdown";
import { type OpenApiOperationEntry, OperationCard } from "@/components/api-docs/operation-card";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import packageJson from "@/package.json";

export const metadata: Metadata = { title: "API reference" };

/** The API reference for arcadia-app's developers: the same generated document /api/v1/openapi.json serves. */
export default function ApiReferencePage() {
  const doc = buildOpenApiDocument(apiOperations, { version: packageJson.version });
  const byTag = new Map<string, typeof apiOperations>();
  for (const op of apiOperations) byTag.set(op.tag, [...(byTag.get(op.tag) ?? []), op]);
  return (
    <div className="flex min-h-screen">
      <nav aria-label="API sections" className="sticky top-0 hidden h-screen w-60 shrink-0 overflow-y-auto border-r border-slate-200 bg-white px-4 py-6 lg:block">
        <p className="text-sm font-semibold text-slate-900">{doc.info.title}</p>
        <p className="text-xs text-slate-600">v{doc.info.version} · OpenAPI {doc.openapi}</p>
        <ul className="mt-4 space-y-3 text-sm">
          {[...byTag].map(([tag, ops]) => (
            <li key={tag}>
              <p className="font-medium text-slate-800">{tag}</p>
              <ul className="mt-1 space-y-1">
                {ops.map((op) => (
                  <li key={op.operationId}>
                    <a href={`#${op.operationId}`} className="text-slate-700 hover:text-brand-700 hover:underline">
                      {op.summary}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="mx-auto min-w-0 max-w-4xl flex-1 px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold text-slate-900">{doc.info.title}</h1>
        <Markdown text={doc.info.description} className="mt-2 text-sm text-slate-700" />
        <p className="mt-2 text-sm text-slate-700">
          The examples read the deployment&apos;s address from <code className="rounded bg-slate-100 px-1">$ARCADIA_URL</code> and a JWT from{" "}
          <code className="rounded bg-slate-100 px-1">$TOKEN</code>.
        </p>
        <p className="mt-2 text-sm">
          <a className="font-medium text-brand-700 underline" href="/api/v1/openapi.json">
            Download the OpenAPI document
          </a>
        </p>
        {[...byTag].map(([tag, ops]) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="mt-10">
            <h2 id={`tag-${tag}`} className="text-xl font-semibold text-slate-900">
              {tag}
            </h2>
            <div className="mt-4 space-y-6">
              {ops.map((op) => (
                <OperationCard key={op.operationId} op={op} entry={(doc.paths[op.path] as Record<string, OpenApiOperationEntry>)[op.method.toLowerCase()]!} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}
