import { writeFileSync } from "node:fs";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import packageJson from "@/package.json";

// Writes the OpenAPI document to a file (default openapi.json), for `redocly lint` and for arcadia-app's client tooling.
const out = process.argv[2] ?? "openapi.json";
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(apiOperations, { version: packageJson.version }), null, 2)}\n`);
console.log(`wrote ${out}`);
