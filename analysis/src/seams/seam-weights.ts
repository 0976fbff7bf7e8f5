// How much each kind of evidence pulls two files into the same seam. One set of weights for every project.

export const SEAM_WEIGHTS = {
  /** A value import (static, re-export, dynamic, require). */
  import: 1,
  /** A type-only import: a weaker tie, it disappears at run time. */
  typeImport: 0.4,
  /** Added per symbol reference, on a log scale: log2(1 + count). */
  symbolReference: 0.25,
  /** Two files writing the same table, spread over the table's other files. */
  tableWriteWrite: 1.5,
  tableWriteRead: 0.6,
  tableReadRead: 0.15,
  /** A route handler's file to each file its routes reach, split among the handler files reaching that file. */
  routeReach: 2,
  /** Two files whose names share a domain word, spread over the files carrying that word. */
  nameToken: 1.5,
  /** Two files changed in the same commit (`--git`), spread over the commit's other files. */
  coChange: 0.5,
} as const;

/**
 * Hub damping: an import from a file importing more than this many files (an `app.ts` wiring every controller), or
 * into a file imported by more than this many, says little about where either belongs; its weight shrinks in
 * proportion. The same for a file touching more than HUB_TABLES tables (a seed script, a reporting query).
 */
export const HUB_DEGREE = 6;
export const HUB_TABLES = 3;

/** Commits touching more files than this are merges or sweeping renames, not a sign of coupling. */
export const MAX_COMMIT_FILES = 30;

/** A name word carried by more than this share of the files is vocabulary, not a domain. */
export const MAX_TOKEN_SHARE = 0.25;

/** Past this many files a name word costs quadratic time and says little; it is ignored. */
export const MAX_TOKEN_FILES = 200;
