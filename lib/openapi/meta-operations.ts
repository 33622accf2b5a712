import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";

export const getOpenApiOp = defineOperation({
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/api/v1/openapi.json",
  tag: "Meta",
  summary: "This API's OpenAPI 3.1 document",
  description: "Public. The document is generated from the same zod schemas the handlers validate with.",
  roles: "public",
  response: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
});

export const openapiOperations = [getOpenApiOp];
