// Where this package lives on disk, so tools can analyse its source and read its domains.json.
import { fileURLToPath } from 'node:url';

/** Absolute path of the monolith package folder (the one holding `src/`, `domains.json`, `DOMAINS.md`). */
export const monolithRoot: string = fileURLToPath(new URL('../../', import.meta.url));
