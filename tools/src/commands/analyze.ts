// `ficus analyze`: The seam analysis of a TypeScript monolith.
import { notBuilt } from './not-built.js';

export const analyzeCommand = notBuilt('analyze', 'The seam analysis of a TypeScript monolith', 'ficus analyze <dir> [--format json|md|html|dot|mermaid] [--out F]', 5);
