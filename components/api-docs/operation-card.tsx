import { Badge, type Tone } from "@/components/ui/badge";
import type { Operation } from "@/lib/http/operation";
import { CopyButton } from "./copy-button";
import { curlExample } from "./curl-example";
import { Markdown, renderInline } from "./markdown";

const methodTone: Record<string, Tone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red" };

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

interface MediaType {
  example?: unknown;
  schema?: unknown;
}

/** One operation's entry in the generated OpenAPI document (only what the card reads). */
export interface OpenApiOperationEntry {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, MediaType> }>;
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  if (schema.type) return Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Record<string, unknown>[]).map(typeOf).join(" | ");
  return "any";
}

function constraints(schema: Record<string, unknown>): string {
  const parts: string[] = [];
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.minimum !== undefined) parts.push(`min ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`max ${schema.maximum}`);
  if (schema.format) parts.push(String(schema.format));
  return parts.join(", ");
}

export function OperationCard({ op, entry }: { op: Operation; entry: OpenApiOperationEntry }) {
  const params = entry.parameters ?? [];
  const success = Object.entries(entry.responses).find(([s]) => s.startsWith("2"));
  const example = success?.[1]?.content?.["application/json"]?.example;
  const body = entry.requestBody?.content?.["application/json"];
  const curl = curlExample(op, params.filter((p) => p.in === "query" && p.required).map((p) => p.name));
  return (
    <article id={op.operationId} className="min-w-0 scroll-mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <Badge tone={methodTone[op.method]}>{op.method}</Badge>
        <span className="min-w-0 text-slate-900 wrap-anywhere">{op.path}</span>
      </h3>
      <p className="mt-2 font-medium text-slate-900">{op.summary}</p>
      {op.description ? <Markdown text={op.description} className="mt-1 text-sm text-slate-700" /> : null}
      <p className="mt-2 text-sm text-slate-700">
        {op.roles === "public" ? "Public: no token needed." : <>Bearer JWT with role {op.roles.map((r) => <code key={r} className="mx-0.5 rounded bg-slate-100 px-1">{r}</code>)}</>}
      </p>
      <div className="mt-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">Example request</p>
          <CopyButton text={curl} label={`Copy the curl example for ${op.summary}`} />
        </div>
        {/* Wrapped rather than scrolled: a scrolling block would need its own keyboard focus (axe). */}
        <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-xs text-slate-100">
          <code>{curl}</code>
        </pre>
      </div>
      {params.length ? (
        <div className="relative mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">Parameters</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-700">
              <th scope="col" className="py-1 pr-3">Name</th>
              <th scope="col" className="py-1 pr-3">In</th>
              <th scope="col" className="py-1 pr-3">Type</th>
              <th scope="col" className="py-1">Notes</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3 font-mono">
                  {p.name}
                  {p.required ? <span className="text-red-700"> *</span> : null}
                </td>
                <td className="py-1 pr-3">{p.in}</td>
                <td className="py-1 pr-3 font-mono text-xs">{typeOf(p.schema)}</td>
                <td className="py-1 text-slate-700">{renderInline([p.description, constraints(p.schema)].filter(Boolean).join(" · "))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      {body ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Request body</summary>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(body.example ?? body.schema, null, 2)}</pre>
        </details>
      ) : null}
      <div className="mt-4 text-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">Responses</p>
        <ul className="mt-1 space-y-0.5">
          {Object.entries(entry.responses).map(([status, r]) => (
            <li key={status}>
              <span className="font-mono">{status}</span>{" "}
              <span className="text-slate-700">{renderInline(r.description ?? String(r.$ref).split("/").at(-1) ?? "")}</span>
            </li>
          ))}
        </ul>
      </div>
      {example ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Example response</summary>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(example, null, 2)}</pre>
        </details>
      ) : null}
    </article>
  );
}
