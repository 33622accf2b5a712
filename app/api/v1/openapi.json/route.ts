import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { getOpenApiOp } from "@/lib/openapi/meta-operations";
import { apiOperations } from "@/lib/openapi/operations";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

const handler = withApiAuth(getOpenApiOp, () =>
  Response.json(buildOpenApiDocument(apiOperations, { version: packageJson.version }), {
    headers: { "Cache-Control": "public, max-age=300" },
  }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
