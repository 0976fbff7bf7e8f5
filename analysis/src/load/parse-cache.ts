// Parsed files kept by path and content hash, so a process that analyses a project again (tests, eval, watch) skips
// unchanged files; the extract stage keys its own per-file results on the parsed file object.
import { createHash } from 'node:crypto';
import { ts } from 'ts-morph';

// Roughly the sources of a 1M-line project; past that, the oldest entries go first.
const MAX_CACHED_CHARACTERS = 40_000_000;

const cache = new Map<string, { hash: string; sourceFile: ts.SourceFile }>();
let cachedCharacters = 0;

/** The parsed file for this path and text: the cached one when the text has not changed. */
export function parseCached(absolutePath: string, text: string): ts.SourceFile {
  const hash = createHash('sha1').update(text).digest('base64');
  const hit = cache.get(absolutePath);
  if (hit && hit.hash === hash) return hit.sourceFile;
  if (hit) forget(absolutePath, hit.sourceFile);
  const sourceFile = ts.createSourceFile(
    absolutePath,
    text,
    ts.ScriptTarget.Latest,
    true,
    scriptKind(absolutePath),
  );
  cache.set(absolutePath, { hash, sourceFile });
  cachedCharacters += text.length;
  for (const [path, entry] of cache) {
    if (cachedCharacters <= MAX_CACHED_CHARACTERS) break;
    forget(path, entry.sourceFile);
  }
  return sourceFile;
}

function forget(path: string, sourceFile: ts.SourceFile): void {
  cache.delete(path);
  cachedCharacters -= sourceFile.text.length;
}

function scriptKind(path: string): ts.ScriptKind {
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  return ts.ScriptKind.TS;
}
