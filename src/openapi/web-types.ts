/**
 * The web app's API types (web/src/api/openapi.d.ts), generated from the
 * OpenAPI document with openapi-typescript, so a client typed from them
 * cannot drift from the route table. Build-time only: no Lambda loads it.
 */
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';

const HEADER = `${COMMENT_HEADER.trimEnd()}\n// From docs/openapi.json: run \`npx tsx scripts/write-openapi.ts\` after changing a route or its schemas.\n\n`;

export async function renderWebTypes(document: object): Promise<string> {
  // A copy: openapi-typescript resolves the document in place.
  const ast = await openapiTS(structuredClone(document) as OpenAPI3, { alphabetize: true });
  return `${HEADER}${astToString(ast)}`;
}
