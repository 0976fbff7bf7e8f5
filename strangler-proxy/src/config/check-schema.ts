// Validates a raw config against the JSON Schema and words every ajv error as `path: problem`.
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FICUS_CONFIG_SCHEMA, PATTERN_MESSAGES } from './config-schema.js';

let validate: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  validate ??= new Ajv({ allErrors: true, strict: true, discriminator: true }).compile(FICUS_CONFIG_SCHEMA);
  return validate;
}

/** Every schema problem, in document order, as `routes[2].path: must start with "/" …`. */
export function checkSchema(raw: unknown): string[] {
  const check = compiled();
  if (check(raw)) return [];
  const problems = (check.errors ?? []).map(describe);
  return [...new Set(problems)];
}

/** `/routes/2/path` → `routes[2].path`. */
export function jsonPointerToPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(error: ErrorObject): string {
  const path = jsonPointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${join(path, String(params.missingProperty))}: is required`;
    case 'additionalProperties':
      return `${join(path, String(params.additionalProperty))}: is not a known field`;
    case 'pattern':
      return `${path}: ${PATTERN_MESSAGES[String(params.pattern)] ?? error.message ?? 'is invalid'}`;
    case 'enum':
      return `${path}: must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'discriminator':
      return `${join(path, 'kind')}: must be one of memory, file, redis`;
    default:
      return `${path === '' ? '(root)' : path}: ${error.message ?? 'is invalid'}`;
  }
}
