/**
 * Writes the OpenAPI document generated from the route table to
 * docs/openapi.json, and the web app's types generated from it to
 * web/src/api/openapi.d.ts. Run after changing a route or its schemas:
 *   npx tsx scripts/write-openapi.ts
 * (test/unit/openapi.test.ts fails while either file is stale).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, serializeOpenApiDocument } from '../src/openapi/document';
import { renderWebTypes } from '../src/openapi/web-types';

const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const WEB_TYPES_FILE = fileURLToPath(new URL('../web/src/api/openapi.d.ts', import.meta.url));

const { document, fallbacks } = buildOpenApi();
writeFileSync(OPENAPI_FILE, serializeOpenApiDocument(document));
console.log(`Wrote ${OPENAPI_FILE}`);
mkdirSync(dirname(WEB_TYPES_FILE), { recursive: true });
writeFileSync(WEB_TYPES_FILE, await renderWebTypes(document));
console.log(`Wrote ${WEB_TYPES_FILE}`);
if (fallbacks.length > 0) console.warn(`Converted with zod's own JSON Schema (zod-to-openapi could not): ${fallbacks.join('; ')}`);
