import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A document stored as one gzipped JSON binary attribute instead of a
 * DynamoDB map: a map is marshalled and parsed field by field (a 200-person
 * team report took 50–70 ms to put on DynamoDB Local, 8 ms gzipped) and
 * costs its full size against the 400 KB item limit.
 */
export function packJson(value: unknown): Uint8Array {
  return gzipSync(JSON.stringify(value));
}

/** The document back; a map written before documents were packed is taken as it is. */
export function unpackJson<T>(value: unknown): T {
  return (value instanceof Uint8Array ? JSON.parse(gunzipSync(value).toString('utf8')) : value) as T;
}
