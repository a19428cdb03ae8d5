/** Largest request body accepted; anything bigger is refused with 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;
