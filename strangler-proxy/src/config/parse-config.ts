// Turns a raw config value into a `FicusConfig`: schema, then semantic checks, then defaults and freezing.
import { checkSchema } from './check-schema.js';
import { checkSemantics } from './check-semantics.js';
import { ConfigInvalidError } from './config-error.js';
import type { FicusConfig } from './ficus-config.js';
import { normalizeConfig } from './normalize-config.js';

export interface ParseConfigOptions {
  /** Named in the error message, for example the file path. */
  readonly source?: string;
  /** Folder that relative paths in the config (the file store) are resolved against. */
  readonly baseDir?: string;
}

/** Throws `ConfigInvalidError` (FICUS_PROXY_CONFIG_INVALID) listing every problem found. */
export function parseConfig(raw: unknown, options: ParseConfigOptions = {}): FicusConfig {
  const source = options.source ?? 'the config';
  const schemaProblems = checkSchema(raw);
  if (schemaProblems.length > 0) throw new ConfigInvalidError(schemaProblems, source);
  const semanticProblems = checkSemantics(raw);
  if (semanticProblems.length > 0) throw new ConfigInvalidError(semanticProblems, source);
  return normalizeConfig(raw, options.baseDir ?? process.cwd());
}
