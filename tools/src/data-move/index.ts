// `@ficus/tools/data-move`: copy a service's tables out of the monolith's database, verified and resumable.
export * from './move-tables.js';
export * from './table-checksum.js';
export * from './format-move-result.js';
export * from './data-move-cli.js';
