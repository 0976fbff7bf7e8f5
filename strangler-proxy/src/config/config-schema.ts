// The JSON Schema of `ficus.config.yaml` as written by people (before defaults); the analysis emits entries of it.

/** Route ids are stable names used in flags, metrics and URLs: letters, digits, `.`, `_`, `-`. */
export const ROUTE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
/** find-my-way templates: absolute, no query, no fragment, no whitespace or backslash. */
export const ROUTE_PATH_PATTERN = '^/[^?#\\s\\\\]*$';
export const STICKY_BY_PATTERN =
  "^(?:ip|header:[!#$%&'*+.^_`|~0-9A-Za-z-]+|cookie:[!#$%&'*+.^_`|~0-9A-Za-z-]+)$";
export const SHA256_PATTERN = '^[0-9a-f]{64}$';
export const METHOD_PATTERN = '^[A-Za-z-]+$';

/** Human wording for the patterns above, used in place of ajv's "must match pattern". */
export const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [ROUTE_ID_PATTERN]: 'must be 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit',
  [ROUTE_PATH_PATTERN]: 'must start with "/" and contain no "?", "#", whitespace or "\\"',
  [STICKY_BY_PATTERN]: 'must be "ip", "header:NAME" or "cookie:NAME"',
  [SHA256_PATTERN]: 'must be 64 lower-case hex characters (a SHA-256 digest)',
  [METHOD_PATTERN]: 'must be an HTTP method name',
};

const listen = {
  type: 'object',
  additionalProperties: false,
  required: ['host', 'port'],
  properties: {
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
  },
} as const;

const upstream = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', minLength: 1 },
    team: { type: 'string', minLength: 1 },
    health: { type: 'string', pattern: ROUTE_PATH_PATTERN },
  },
} as const;

const route = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'path', 'service', 'owner'],
  properties: {
    id: { type: 'string', pattern: ROUTE_ID_PATTERN },
    path: { type: 'string', pattern: ROUTE_PATH_PATTERN },
    methods: { type: 'array', items: { type: 'string', pattern: METHOD_PATTERN } },
    service: { type: 'string', minLength: 1 },
    owner: { type: 'string', minLength: 1 },
    fallback: { type: 'boolean' },
    timeoutMs: { type: 'integer', minimum: 1, maximum: 600000 },
    bodyLimitBytes: { type: 'integer', minimum: 0 },
    stickyBy: { type: 'string', pattern: STICKY_BY_PATTERN },
    shadow: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
        unorderedArrays: { type: 'array', items: { type: 'string', minLength: 1 } },
        headers: { type: 'array', items: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" } },
        unsafeMethods: { type: 'boolean' },
        timeoutMs: { type: 'integer', minimum: 1, maximum: 600000 },
        noisePercent: { type: 'number', minimum: 0, maximum: 100 },
        maxNoisePerSecond: { type: 'integer', minimum: 0 },
      },
    },
    gate: { $ref: '#/definitions/gate' },
    guard: { $ref: '#/definitions/guard' },
  },
} as const;

const gate = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minMatchPercent: { type: 'number', minimum: 0, maximum: 100 },
    minCompared: { type: 'integer', minimum: 0 },
  },
} as const;

const guard = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    windowMs: { type: 'integer', minimum: 1000, maximum: 86400000 },
    minRequests: { type: 'integer', minimum: 1 },
    maxErrorPercent: { type: 'number', minimum: 0, maximum: 100 },
    slowMs: { type: 'integer', minimum: 0 },
    maxSlowPercent: { type: 'number', minimum: 0, maximum: 100 },
    onBreach: { enum: ['rollback', 'step-down'] },
    stepDownFactor: { type: 'number', minimum: 1.1, maximum: 100 },
    minPercent: { type: 'number', minimum: 0, maximum: 100 },
  },
} as const;

const store = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string' } },
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { const: 'memory' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'path'],
      properties: { kind: { const: 'file' }, path: { type: 'string', minLength: 1 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'url'],
      properties: { kind: { const: 'redis' }, url: { type: 'string', minLength: 1 } },
    },
  ],
} as const;

export const FICUS_CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ficus.dev/schemas/ficus.config.json',
  title: 'ficus.config.yaml',
  type: 'object',
  additionalProperties: false,
  required: ['monolith'],
  definitions: { gate, guard },
  properties: {
    proxy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        listen,
        admin: listen,
        trustedProxies: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowTesterOverride: { type: 'boolean' },
        mergeSlashes: { type: 'boolean' },
        defaultTimeoutMs: { type: 'integer', minimum: 1, maximum: 600000 },
        defaultBodyLimitBytes: { type: 'integer', minimum: 0 },
        retryBudgetPercent: { type: 'number', minimum: 0, maximum: 100 },
        fallbackBudgetPercent: { type: 'number', minimum: 0, maximum: 100 },
        shadow: {
          type: 'object',
          additionalProperties: false,
          properties: {
            maxInFlight: { type: 'integer', minimum: 0 },
            maxBodyBytes: { type: 'integer', minimum: 0 },
            samples: { type: 'integer', minimum: 0, maximum: 1000 },
            workerNice: { type: 'integer', minimum: 0, maximum: 19 },
            maxLoopUtilization: { type: 'number', minimum: 0, maximum: 1 },
          },
        },
        gate: { $ref: '#/definitions/gate' },
        guard: { $ref: '#/definitions/guard' },
      },
    },
    monolith: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: {
        url: { type: 'string', minLength: 1 },
        health: { type: 'string', pattern: ROUTE_PATH_PATTERN },
      },
    },
    services: { type: 'object', additionalProperties: upstream },
    routes: { type: 'array', items: route },
    flags: {
      type: 'object',
      additionalProperties: false,
      required: ['store'],
      properties: { store },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tokens: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['team', 'sha256'],
            properties: {
              team: { type: 'string', minLength: 1 },
              role: { enum: ['team', 'admin', 'tester'] },
              sha256: { type: 'string', pattern: SHA256_PATTERN },
            },
          },
        },
      },
    },
  },
} as const;
