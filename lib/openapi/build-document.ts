import { z } from "zod";
import { type ErrorCode, errorCodes, errorStatus } from "@/lib/http/errors";
import type { Operation } from "@/lib/http/operation";
import { webhookEventsDocument, webhookEventsTag } from "@/lib/notifications/openapi-webhooks";

type JsonSchema = Record<string, unknown>;

const errorDescriptions: Record<ErrorCode, string> = {
  invalid_request: "The request is invalid: `details` lists each problem (zod issues: path, code, message).",
  unauthorized: "No bearer token, or it is malformed, expired or not signed with the shared secret.",
  forbidden: "The token is valid but its role may not call this operation.",
  not_found: "The addressed resource does not exist.",
  method_not_allowed: "The path exists but does not serve this method; the Allow header lists the ones it does.",
  conflict: "The request conflicts with the current state (for example, it was already resolved).",
  not_revertible:
    "DO cannot change this field in place (a droplet's region or image, say): `details.fields` names each field with the reason; accept the live value instead, or replace the resource.",
  entitlement_exceeded:
    "The tenant's plan does not allow it: no subscription in force, a size the plan does not offer, or a hard cap the projected usage would pass; `details` names the allowance with its usage, projection and cap.",
  not_cancellable:
    "The provisioning request is running or has ended: only a queued one or one awaiting approval can be cancelled; `details` gives its status.",
  internal_error: "An unexpected failure on our side; the x-request-id header identifies it in our logs.",
  unavailable: "The database is unreachable or restarting: retry after the Retry-After header's seconds.",
};

const componentName: Record<ErrorCode, string> = {
  invalid_request: "InvalidRequest",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "NotFound",
  method_not_allowed: "MethodNotAllowed",
  conflict: "Conflict",
  not_revertible: "NotRevertible",
  entitlement_exceeded: "EntitlementExceeded",
  not_cancellable: "NotCancellable",
  internal_error: "InternalError",
  unavailable: "Unavailable",
};

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodType): unknown[] {
  const json = toSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: "query",
    required: required.has(name),
    ...(s.description ? { description: s.description } : {}),
    schema: s,
  }));
}

/** `idempotency-key` → `Idempotency-Key`: header names are case-insensitive, and documented as they are usually written. */
const headerName = (key: string) => key.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`);

function headerParameters(schema: z.ZodType): unknown[] {
  return queryParameters(schema).map((p) => ({ ...(p as JsonSchema), in: "header", name: headerName((p as { name: string }).name) }));
}

function pathParameters(op: Operation): unknown[] {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const props = op.params ? (((toSchema(op.params, "input").properties ?? {}) as Record<string, JsonSchema>)) : {};
  return names.map((name) => ({ name, in: "path", required: true, schema: props[name] ?? { type: "string" } }));
}

function successSchema(op: Operation): JsonSchema {
  const data = toSchema(op.response, "output");
  if (op.roles === "public" && op.operationId === "getOpenApiDocument") return data;
  return op.list
    ? {
        type: "object",
        required: ["data", "next_cursor"],
        properties: { data: { type: "array", items: data }, next_cursor: { type: ["string", "null"] } },
      }
    : { type: "object", required: ["data"], properties: { data } };
}

function operationObject(op: Operation) {
  const errors = new Set<ErrorCode>(["internal_error", ...(op.errors ?? [])]);
  if (op.operationId !== "getOpenApiDocument") errors.add("unavailable"); // every other operation reads the database
  if (op.query || op.body || op.params) errors.add("invalid_request");
  if (op.roles !== "public") {
    errors.add("unauthorized");
    errors.add("forbidden");
  }
  const rolesText = op.roles === "public" ? "Public: no token needed." : `Roles: ${op.roles.map((r) => `\`${r}\``).join(", ")}.`;
  const example =
    op.example === undefined ? undefined : op.list ? { data: op.example, next_cursor: null } : op.operationId === "getOpenApiDocument" ? undefined : { data: op.example };
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, rolesText].filter(Boolean).join("\n\n"),
    tags: [op.tag],
    "x-roles": op.roles === "public" ? [] : op.roles,
    security: op.roles === "public" ? [] : [{ arcadiaJwt: [] }],
    parameters: [...pathParameters(op), ...(op.query ? queryParameters(op.query) : []), ...(op.headers ? headerParameters(op.headers) : [])],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: toSchema(op.body, "input"), ...(op.bodyExample ? { example: op.bodyExample } : {}) },
            },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(op.success ?? { 200: "Success" }).map(([status, description]) => [
          status,
          { description, content: { "application/json": { schema: successSchema(op), ...(example ? { example } : {}) } } },
        ]),
      ),
      ...errorResponses([...errors]),
    },
  };
}

/** One response per status: a code's own component, or, where codes share a status (409), one naming each. */
function errorResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...codes].sort((a, b) => errorStatus[a] - errorStatus[b] || a.localeCompare(b))) {
    byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, shared]) => [
      String(status),
      shared.length === 1
        ? { $ref: `#/components/responses/${componentName[shared[0]!]}` }
        : {
            description: shared.map((code) => `\`${code}\`: ${errorDescriptions[code]}`).join("\n\n"),
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/ErrorEnvelope" },
                examples: Object.fromEntries(shared.map((code) => [code, { value: errorExample(code) }])),
              },
            },
          },
    ]),
  );
}

function errorExample(code: ErrorCode) {
  const details =
    code === "invalid_request"
      ? [{ path: "limit", code: "too_big", message: "Too big: expected number to be <=500" }]
      : code === "entitlement_exceeded"
        ? { allowance: "droplet_hours", used: 700, projected: 1510, cap: 1488 }
        : code === "not_revertible"
          ? { fields: [{ field: "region", reason: "DO cannot move a droplet to another region in place" }] }
          : code === "not_cancellable"
          ? { status: "running" }
          : null;
  return { error: { code, message: errorDescriptions[code].split(":")[0], details } };
}

/** The OpenAPI 3.1 document for arcadia-app, generated from the operations' zod schemas. */
export function buildOpenApiDocument(operations: Operation[], opts: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = operationObject(op);
  }
  const tags = [...[...new Set(operations.map((o) => o.tag))].sort().map((name) => ({ name, description: `${name} operations` })), webhookEventsTag];
  return {
    openapi: "3.1.0",
    info: {
      title: "arcadia-cloud API",
      version: opts.version,
      description:
        "The JSON API arcadia-app calls. Every operation except this document needs `Authorization: Bearer <JWT>` signed by arcadia-app with the shared secret (HS512 by default). Claims: `sub`, `role` (`platform_admin` or `tenant`), `tenant_id` for tenants, `exp`. Success: `{ \"data\": ... }`; lists add `next_cursor`. Failure: `{ \"error\": { \"code\", \"message\", \"details\" } }`.",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: opts.serverUrl ?? "/", description: "This deployment" }],
    tags,
    security: [{ arcadiaJwt: [] }],
    paths,
    webhooks: webhookEventsDocument(),
    components: {
      securitySchemes: {
        arcadiaJwt: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A JWT issued by arcadia-app (HS512 with the shared secret) carrying sub, role, tenant_id (tenants) and exp.",
        },
      },
      schemas: {
        ErrorCode: { type: "string", enum: errorCodes },
        ErrorEnvelope: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message", "details"],
              properties: {
                code: { $ref: "#/components/schemas/ErrorCode" },
                message: { type: "string" },
                details: {
                  description:
                    "Structured detail: for invalid_request, a list of { path, code, message }; for entitlement_exceeded, the allowance with its figures; for not_cancellable, the request's status; for not_revertible, the fields DO cannot change with why; otherwise null.",
                },
              },
            },
          },
        },
      },
      responses: Object.fromEntries(
        errorCodes.map((code) => [
          componentName[code],
          {
            description: errorDescriptions[code],
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/ErrorEnvelope" },
                example: errorExample(code),
              },
            },
          },
        ]),
      ),
    },
  };
}
