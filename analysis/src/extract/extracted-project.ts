// The typed output of the extract stage: everything later stages (metrics, seams, report) are allowed to know.
// Paths are relative to the analysed root, with forward slashes.

export type ImportKind = 'static' | 're-export' | 'dynamic' | 'require' | 'type-only';

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: ImportKind;
}

/** `from` uses exported symbols of `to` (functions, classes, types, constants), with how often. */
export interface SymbolReference {
  readonly from: string;
  readonly to: string;
  readonly symbols: readonly string[];
  /** Number of references found (a weight for clustering). */
  readonly count: number;
  /** How many of `count` are in type positions (annotations, generics, `implements`): uses that call nothing. */
  readonly typeCount?: number;
}

export type RouteFramework = 'fastify' | 'express' | 'koa' | 'nestjs' | 'file-based';

export interface ExtractedRoute {
  readonly method: string;
  /** Full path template with prefixes applied, in `:param` syntax. */
  readonly path: string;
  readonly framework: RouteFramework;
  readonly handler: { readonly file: string; readonly symbol: string };
  /** Files the handler can reach, transitively, including the handler's own file, sorted. */
  readonly reach: readonly string[];
  readonly tables: { readonly read: readonly string[]; readonly write: readonly string[] };
}

export interface TableAccess {
  readonly file: string;
  readonly table: string;
  readonly mode: 'read' | 'write';
  /** How the access was found: `sql`, `knex`, `typeorm`, `prisma`, `sequelize`. */
  readonly via: string;
}

export interface ExtractedFile {
  readonly path: string;
  /** Lines of code (non-blank, non-comment). */
  readonly loc: number;
  /** Number of exported declarations, and how many of them are abstract (interfaces, type aliases, abstract classes). */
  readonly exports: number;
  readonly abstractExports: number;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface ExtractedProject {
  /** Absolute path of the analysed root. */
  readonly root: string;
  readonly files: readonly ExtractedFile[];
  readonly imports: readonly ImportEdge[];
  readonly symbols: readonly SymbolReference[];
  readonly routes: readonly ExtractedRoute[];
  readonly tables: readonly TableAccess[];
  readonly skipped: readonly SkippedFile[];
  /** Files analysed only in part: route or reach extraction failed on them (the reason says where). */
  readonly warnings?: readonly SkippedFile[];
}
