// A hand-drawn five-file project whose metrics are worked out by hand in the tests that use it.
import { buildDependencyGraph, type DependencyGraph } from '../../src/metrics/dependency-graph.js';

/*
 * a/x → a/y (weight 3), a/y → b/z, b/z → b/w, b/w → a/x (type-only), c/v → b/z (weight 2)
 */
export function fixtureGraph(): DependencyGraph {
  return buildDependencyGraph({
    files: ['a/x.ts', 'a/y.ts', 'b/z.ts', 'b/w.ts', 'c/v.ts'].map((path) => ({ path })),
    imports: [
      { from: 'a/x.ts', to: 'a/y.ts', kind: 'static' },
      { from: 'a/y.ts', to: 'b/z.ts', kind: 'static' },
      { from: 'b/z.ts', to: 'b/w.ts', kind: 'static' },
      { from: 'b/w.ts', to: 'a/x.ts', kind: 'type-only' },
      { from: 'c/v.ts', to: 'b/z.ts', kind: 'static' },
    ],
    symbols: [
      { from: 'a/x.ts', to: 'a/y.ts', symbols: ['f', 'g'], count: 3 },
      { from: 'c/v.ts', to: 'b/z.ts', symbols: ['h'], count: 2 },
    ],
  });
}
