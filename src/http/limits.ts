// Request size limits: small JSON bodies everywhere, a whole document on import.
export const BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
