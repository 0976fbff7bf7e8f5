// Reads `ficus.config.yaml` from disk and parses it (YAML, then `parseConfig`).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ProxyError } from '../errors.js';
import type { FicusConfig } from './ficus-config.js';
import { parseConfig } from './parse-config.js';

/** Parses YAML text; `source` names it in errors. */
export function parseConfigText(text: string, source: string, baseDir: string): FicusConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ProxyError(
      'FICUS_PROXY_CONFIG_UNREADABLE',
      `${source} is not valid YAML: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parseConfig(raw ?? {}, { source, baseDir });
}

export async function loadConfig(file: string): Promise<FicusConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ProxyError(
      'FICUS_PROXY_CONFIG_UNREADABLE',
      `cannot read ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parseConfigText(text, path, dirname(path));
}
