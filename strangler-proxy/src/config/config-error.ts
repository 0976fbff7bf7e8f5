// The error a bad static config raises: one ProxyError carrying every problem, each prefixed with its path.
import { ProxyError } from '../errors.js';

export class ConfigInvalidError extends ProxyError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], source: string) {
    super(
      'FICUS_PROXY_CONFIG_INVALID',
      `${source} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
    );
    this.problems = Object.freeze([...problems]);
  }
}
