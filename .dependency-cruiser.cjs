// Guard rails for Ficus's own code (run by `npm run lint:deps`, part of `npm test`).
// The sample monolith is exempt from the cycle rule: its tangle is what the analysis is meant to find.
const OURS = '^(strangler-proxy|analysis|tools|extracted-services/[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles-in-our-packages',
      comment: 'Our packages have no import cycles (type-only imports included).',
      severity: 'error',
      from: { path: OURS },
      to: { circular: true },
    },
    {
      name: 'packages-talk-through-public-exports',
      comment:
        'A package reaches another only through its package name and `exports` (for example @ficus/strangler-proxy/config), never by a relative path into its files.',
      severity: 'error',
      from: { path: '^(monolith|strangler-proxy|analysis|tools|extracted-services/[^/]+)/' },
      to: {
        path: '^(monolith|strangler-proxy|analysis|tools|extracted-services/[^/]+)/',
        pathNot: ['^$1/'],
        dependencyTypesNot: ['aliased-workspace', 'npm'],
      },
    },
    {
      name: 'proxy-pure-core-has-no-io',
      comment:
        'Route matching, flag decisions, response comparison and guard decisions are pure: no fastify, sockets, files or HTTP clients.',
      severity: 'error',
      from: {
        path: '^strangler-proxy/src/(routing|flags|comparison)/|^strangler-proxy/src/guard/(decide-|outcome-window)',
      },
      to: {
        path: '(^|/)node_modules/(fastify|@fastify|undici|ioredis|pino)/|^(node:)?(fs|net|http|https|child_process)$',
      },
    },
    {
      name: 'analysis-metrics-are-pure',
      comment: 'Metrics and clustering are pure functions over the extracted model.',
      severity: 'error',
      from: { path: '^analysis/src/(metrics|seams)/' },
      to: {
        path: '(^|/)node_modules/(ts-morph|typescript|dependency-cruiser)/|^(node:)?(fs|child_process)$',
      },
    },
    {
      name: 'reporters-stay-off-extraction-internals',
      comment: 'Reports render the versioned result; they do not reach into extraction.',
      severity: 'error',
      from: { path: '^analysis/src/report/' },
      to: { path: '^analysis/src/(load|extract)/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: { path: OURS },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|test/fixtures|bench/\\.generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
