import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleProvisioningRuns } from "@/jobs/provisioning-runs";
import { upsertSubscription } from "@/lib/billing/subscriptions";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import type { Operation } from "@/lib/http/operation";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import { listApiRouteFiles } from "@/test/api-routes";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { createTenant } from "@/test/billing-factories";
import { createResource } from "@/test/factories";
import { seedWebhookDelivery } from "@/test/notification-factories";
import { adminToken, nowS, signJwt, tenantToken } from "@/test/jwt";
import { resetEnvCache } from "@/lib/platform/env";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { seedProvisioningRequest } from "@/test/provisioning-factories";

const getDb = setupAppTestDb();

/**
 * Hostile input, generated from the published OpenAPI document, thrown at every documented operation's path
 * parameters, query parameters, body fields and token claims, one value at a time on an otherwise valid request
 * (which the test checks first answers below 400, so each hostile value is what gets judged). Every answer must be a
 * 4xx in the error envelope: never a 500, never a stored corruption.
 */

type Json = Record<string, any>;
type Handler = (req: unknown, ctx: unknown) => Promise<Response>;
const doc = buildOpenApiDocument(apiOperations, { version: "test" }) as Json;
const routes = listApiRouteFiles();
const resourceId = "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11";
const webhookEndpointId = "6b1e0c3a-0d6f-4e8a-9a53-6a1c2f3e4d02";
const webhookDeliveryId = "6b1e0c3a-0d6f-4e8a-9a53-6a1c2f3e4d03";
const provisioningRequestId = "7c1f4e2a-9b3d-4c5e-8f6a-0b1c2d3e4f5a";
/** Path parameters that name rows this file seeds. */
const validPathParams: Record<string, Record<string, string>> = {
  "/api/v1/tenants/{id}": { id: "acme" },
  "/api/v1/subscriptions/{id}": { id: "sub-hostile" },
  "/api/v1/provisioned/{resourceId}": { resourceId },
  "/api/v1/webhooks/endpoints/{id}": { id: "6b1e0c3a-0d6f-4e8a-9a53-6a1c2f3e4d01" },
  "/api/v1/webhooks/endpoints/{id}/deliveries": { id: webhookEndpointId },
  "/api/v1/webhooks/endpoints/{id}/rotate-secret": { id: webhookEndpointId },
  "/api/v1/webhooks/endpoints/{id}/enable": { id: webhookEndpointId },
  "/api/v1/webhooks/deliveries/{id}/resend": { id: webhookDeliveryId },
  "/api/v1/provisioning/requests/{id}": { id: provisioningRequestId },
  "/api/v1/provisioning/requests/{id}/approve": { id: provisioningRequestId },
  "/api/v1/provisioning/requests/{id}/reject": { id: provisioningRequestId },
  "/api/v1/provisioning/requests/{id}/cancel": { id: provisioningRequestId },
};
/** Operations whose valid request may find nothing to act on, with the status it may then answer below. */
const baselineBelow: Record<string, number> = { acceptDrift: 405, revertDrift: 405, getBillingBalance: 405, approveProvisioningRequest: 410, rejectProvisioningRequest: 410, cancelProvisioningRequest: 410 };

// A small seeded generator: the same hostile values on every run, so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}
const pick = rng(14);
const insertAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i);

/** Strings PostgreSQL cannot store as text, built around a valid value so only the bad character is wrong. */
function badTexts(valid: string, inUrl: boolean): string[] {
  const out = ["\u0000", `${valid}\u0000`, insertAt(valid, pick(valid.length + 1), "\u0000"), insertAt(valid, pick(valid.length + 1), "\u0000")];
  // A URL cannot carry an unpaired surrogate (it decodes to U+FFFD); JSON can.
  if (!inUrl) out.push(`${valid}\ud800`, insertAt(valid, pick(valid.length + 1), "\udc00"), "\udbff");
  return out;
}

const years = ["0000", "0001", "0099", "0999", "9999"];
const impossibleDays = ["2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10"];
const badDateTimes = [...years.map((y) => `${y}-01-01T00:00:00Z`), `${years[pick(years.length)]}-06-15T12:00:00+14:00`, ...impossibleDays.map((d) => `${d}T00:00:00Z`)];
const badMonths = [...years.map((y) => `${y}-01`), ...years.map((y) => `${y}-12-01`), ...impossibleDays];

/** Values a field documented as a date or month must refuse. */
function badDates(schema: Json | undefined): string[] {
  const s = nonNull(schema);
  if (s?.format === "date-time") return badDateTimes;
  if (typeof s?.pattern === "string" && s.pattern.includes("\\d{4}-")) return badMonths;
  return [];
}

function nonNull(schema: Json | undefined): Json | undefined {
  const alternatives = (schema?.anyOf ?? schema?.oneOf) as Json[] | undefined;
  return alternatives ? alternatives.find((a) => a.type !== "null") : schema;
}

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v), "utf8").toString("base64url");

/**
 * Well-formed cursors (base64url JSON) holding what no page of ours ever wrote, under every sort a list may use. A sort
 * on a time column (`…_at`, `period`) must refuse non-dates; a list whose items have UUID ids must refuse other ids.
 */
function badCursors(op: Operation): { cursor: string; extra: Record<string, string> }[] {
  const entry = doc.paths[op.path][op.method.toLowerCase()];
  const params = entry.parameters as Json[];
  const enumOf = (name: string) => (params.find((p) => p.name === name)?.schema?.enum ?? []) as string[];
  const item = entry.responses["200"].content["application/json"].schema.properties.data.items as Json;
  const hasUuidIds = item.properties?.id?.format === "uuid";
  const sorts = ["id:asc", "period:desc", "started_at:desc", "detected_at:desc", "resolved_at:desc"];
  for (const sort of enumOf("sort")) for (const dir of enumOf("dir")) sorts.push(`${sort}:${dir}`);
  const goodIds = ["00000000-0000-4000-8000-000000000000", "42"];
  const goodValues: unknown[] = ["2026-04-01T00:00:00.000Z", "2026-04-01", "web", null];
  const badValues: unknown[] = ["\u0000", "web\u0000", "a\ud800", 1e308, {}, [], true];
  const badTimes: unknown[] = ["not-a-date", "2026-04-01T00:00:00\u0000Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "2026-02-30", ""];
  const badIds: unknown[] = ["", "\u0000", "00000000-0000-4000-8000-00000000000\u0000", "a\udc00", 7, null, {}];
  const nonUuids = ["not-a-uuid", "1e999", "-1", "9".repeat(40)];
  const out: { cursor: string; extra: Record<string, string> }[] = [
    ...["", "!!!", b64("[]"), b64("{}"), b64("null"), b64("[1,2,3]"), b64('["id:asc",null]'), b64('["id:asc",null,"1","x"]'), "A".repeat(1000)].map((cursor) => ({ cursor, extra: {} })),
  ];
  for (const sort of sorts) {
    const [field, dir] = sort.split(":") as [string, string];
    const extra: Record<string, string> = enumOf("sort").includes(field) ? { sort: field, dir } : {};
    if (sort === "resolved_at:desc" && enumOf("status").includes("resolved")) extra.status = "resolved";
    const isTime = field.endsWith("_at") || field === "period";
    for (const value of [...badValues, ...(isTime ? badTimes : [])]) out.push({ cursor: b64([sort, value, goodIds[pick(goodIds.length)]]), extra });
    for (const id of [...badIds, ...(hasUuidIds ? nonUuids : [])]) out.push({ cursor: b64([sort, goodValues[pick(goodValues.length)], id]), extra });
    out.push({ cursor: b64([`${sort}\u0000`, null, "1"]), extra });
  }
  return out;
}

/** Every leaf of a JSON value, with its path. */
function leaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (value && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return [{ path, value }, ...entries.flatMap(([k, v]) => leaves(v, [...path, k]))];
  }
  return [{ path, value }];
}

function schemaAt(schema: Json | undefined, path: (string | number)[]): Json | undefined {
  let s = schema;
  for (const k of path) s = typeof k === "number" ? nonNull(s)?.items : nonNull(s)?.properties?.[k] ?? nonNull(s)?.additionalProperties;
  return s;
}

function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: any = structuredClone(body);
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k];
  cur[path.at(-1)!] = value;
  return copy;
}

const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

/** Bodies with one hostile value each (as JSON text: some nest too deep for JSON.stringify to write). */
function badBodies(op: Operation): { what: string; text: string }[] {
  const bodySchema = doc.paths[op.path][op.method.toLowerCase()].requestBody?.content["application/json"].schema as Json | undefined;
  if (!op.body || !bodySchema) return [];
  // An idempotency key is made new for each request, so a replay of the baseline never answers for the value under test.
  let n = 0;
  const fresh = (body: unknown) => (body && typeof body === "object" && "key" in body && typeof body.key === "string" ? { ...body, key: `${body.key}-${n++}` } : body);
  const example = op.bodyExample;
  const out = [
    { what: "nested 10,000 arrays deep", text: deep(10_000) },
    { what: "nested 5,000 objects deep", text: deepObject(5_000) },
  ];
  for (const leaf of leaves(example)) {
    const where = leaf.path.join(".") || "(body)";
    const marker = "\u0001hostile\u0001";
    const spliced = (json: string) => JSON.stringify(withValue(fresh(example), leaf.path, marker)).replace(JSON.stringify(marker), json);
    if (leaf.path.length) out.push({ what: `${where} nested deep`, text: spliced(deep(5_000)) });
    if (leaf.value && typeof leaf.value === "object" && !Array.isArray(leaf.value)) {
      out.push({ what: `${where} with a NUL key`, text: JSON.stringify(withValue(fresh(example), leaf.path, { ...leaf.value, "size\u0000slug": "x" })) });
    }
    if (typeof leaf.value !== "object" || leaf.value === null) {
      const valid = typeof leaf.value === "string" ? leaf.value : String(leaf.value ?? "x");
      for (const bad of [...badTexts(valid, false), ...badDates(schemaAt(bodySchema, leaf.path))]) {
        out.push({ what: `${where}=${JSON.stringify(bad)}`, text: JSON.stringify(withValue(fresh(example), leaf.path, bad)) });
      }
    }
  }
  return out;
}

/** A query string per hostile value of each documented query parameter. */
function badQueries(op: Operation): { what: string; query: Record<string, string> }[] {
  const params = (doc.paths[op.path][op.method.toLowerCase()].parameters as Json[]).filter((p) => p.in === "query");
  const out: { what: string; query: Record<string, string> }[] = [];
  for (const p of params) {
    if (p.name === "cursor") {
      for (const c of badCursors(op)) out.push({ what: `cursor=${c.cursor.slice(0, 60)} ${JSON.stringify(c.extra)}`, query: { ...c.extra, cursor: c.cursor } });
      continue;
    }
    const valid = String(nonNull(p.schema)?.enum?.[0] ?? nonNull(p.schema)?.default ?? "web");
    for (const bad of [...badTexts(valid, true), ...badDates(p.schema)]) out.push({ what: `${p.name}=${JSON.stringify(bad)}`, query: { [p.name]: bad } });
  }
  return out;
}

/** The documented header parameters of the operation. */
const headerParams = (op: Operation) => (doc.paths[op.path][op.method.toLowerCase()].parameters as Json[]).filter((p) => p.in === "header");

/** Header values a header must refuse: empty, spaces, far too long, beyond ASCII. */
const badHeaderValues = ["", " ", "a b", "x".repeat(1000), "\u00e9t\u00e9"];

function call(op: Operation, opts: { params?: Record<string, string>; query?: Record<string, string>; body?: string; token?: string; headers?: Record<string, string> }) {
  const route = routes.find((r) => r.apiPath === op.path)!;
  const params = opts.params ?? validPathParams[op.path] ?? route.sampleParams;
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent((params[name] ?? "").toWellFormed()));
  const qs = opts.query ? `?${new URLSearchParams(opts.query)}` : "";
  const body = op.body ? (opts.body ?? JSON.stringify(op.bodyExample)) : undefined;
  // A header's valid value is a fresh UUID (the only header an operation reads is an idempotency key, new per request).
  const headers: Record<string, string> = { ...Object.fromEntries(headerParams(op).map((p) => [p.name, randomUUID()])), ...opts.headers };
  if (body) headers["content-type"] = "application/json";
  const req = apiRequest(`${path}${qs}`, { method: op.method, token: opts.token ?? adminToken(), body, headers });
  return import(/* @vite-ignore */ route.file).then((mod: Record<string, Handler>) => mod[op.method]!(req, routeParams(params)));
}

/** Why an answer is not a 4xx in the envelope, or null when it is. */
async function notA4xx(res: Response): Promise<string | null> {
  const text = await res.text();
  let code: unknown;
  try {
    code = JSON.parse(text).error?.code;
  } catch {}
  if (res.status >= 400 && res.status < 500 && typeof code === "string") return null;
  return `${res.status} ${text.slice(0, 160)}`;
}

let fake: FakeDo | undefined;
const provisioningEnv = ["DO_API_TOKEN", "DO_API_URL", "PROVISIONING_DRY_RUN"] as const;
const savedEnv = Object.fromEntries(provisioningEnv.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  const { db } = getDb();
  await seedStarterCatalog(db);
  await createTenant(db, { id: "acme", name: "Acme" });
  // A valid provisioning request is accepted as a dry run against the fake DO's sizes: nothing is created anywhere.
  fake = await startFakeDo({ seed: 17, droplets: 1 });
  Object.assign(process.env, { DO_API_TOKEN: "t", DO_API_URL: fake.url, PROVISIONING_DRY_RUN: "1" });
  resetEnvCache();
  await upsertSubscription(db, "sub-acme-hostile", { tenant_id: "acme", plan_code: "pro", status: "active", started_at: "2026-01-01T00:00:00Z" });
  await seedProvisioningRequest(db, { id: provisioningRequestId, tenantId: "acme" });
  await createResource(db, { id: resourceId });
  await seedWebhookDelivery(db, { endpointId: validPathParams["/api/v1/webhooks/endpoints/{id}"]!.id });
  await seedWebhookDelivery(db, { endpointId: webhookEndpointId, deliveryId: webhookDeliveryId });
});

afterAll(async () => {
  await settleProvisioningRuns();
  for (const k of provisioningEnv) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  resetEnvCache();
  await fake?.close();
});

describe("hostile input gets a 4xx in the envelope, from every documented operation", () => {
  it("covers every operation with input", () => expect(apiOperations.filter((o) => o.params || o.query || o.body).length).toBeGreaterThanOrEqual(10));

  for (const op of apiOperations) {
    it(`${op.operationId}: ${op.method} ${op.path}`, async () => {
      const baseline = await call(op, {});
      expect(baseline.status, `a valid request: ${await baseline.clone().text()}`).toBeLessThan(baselineBelow[op.operationId] ?? 400);
      const failures: string[] = [];
      const check = async (what: string, res: Response) => {
        const why = await notA4xx(res);
        if (why) failures.push(`${what} → ${why}`);
      };
      const route = routes.find((r) => r.apiPath === op.path)!;
      for (const name of Object.keys(route.sampleParams)) {
        const valid = (validPathParams[op.path] ?? route.sampleParams)[name]!;
        for (const bad of [...badTexts(valid, false), "x".repeat(10_000)]) {
          await check(`path ${name}=${JSON.stringify(bad).slice(0, 40)}`, await call(op, { params: { ...(validPathParams[op.path] ?? route.sampleParams), [name]: bad } }));
        }
      }
      for (const q of badQueries(op)) await check(`query ${q.what}`, await call(op, { query: q.query }));
      for (const h of headerParams(op)) {
        for (const bad of badHeaderValues) await check(`header ${h.name}=${JSON.stringify(bad).slice(0, 40)}`, await call(op, { headers: { [h.name]: bad } }));
      }
      for (const b of badBodies(op)) await check(`body ${b.what}`, await call(op, { body: b.text }));
      expect(failures).toEqual([]);
    });
  }

  it("a NUL or unpaired surrogate in a token's text claims is a 401 on every operation", async () => {
    const failures: string[] = [];
    const claims = () => ({ exp: nowS() + 600, iat: nowS(), typ: "access" });
    const tokens = {
      "sub with NUL": signJwt({ ...claims(), sub: "user\u00001", role: "platform_admin" }),
      "sub with a lone surrogate": signJwt({ ...claims(), sub: "user\ud8001", role: "platform_admin" }),
      "name with NUL": adminToken({ name: "Ada\u0000" }),
      "email with NUL": adminToken({ email: "ada@example.com\u0000" }),
      "tenant_id with NUL": tenantToken("acme\u0000"),
    };
    for (const op of apiOperations.filter((o) => o.roles !== "public")) {
      for (const [what, token] of Object.entries(tokens)) {
        const res = await call(op, { token });
        if (res.status !== 401) failures.push(`${op.operationId} with ${what} → ${res.status} ${(await res.text()).slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
