// `@ficus/tools/contract-check`: replay a request corpus against the monolith and a service and compare the answers.
export * from './contract-request.js';
export * from './compare-port.js';
export * from './run-contract.js';
export * from './format-contract-result.js';
export * from './contract-cli.js';
