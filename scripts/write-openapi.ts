/**
 * Writes the OpenAPI document generated from the route table to
 * docs/openapi.json. Run after changing a route or its schemas:
 *   npx tsx scripts/write-openapi.ts
 * (test/unit/openapi.test.ts fails while the file is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, serializeOpenApiDocument } from '../src/openapi/document';

const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

const { document, fallbacks } = buildOpenApi();
writeFileSync(OPENAPI_FILE, serializeOpenApiDocument(document));
console.log(`Wrote ${OPENAPI_FILE}`);
if (fallbacks.length > 0) console.warn(`Converted with zod's own JSON Schema (zod-to-openapi could not): ${fallbacks.join('; ')}`);
