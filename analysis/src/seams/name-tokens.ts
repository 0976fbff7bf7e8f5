// Domain words in file names: `controllers/order-items-controller.ts` → `order`, `item`; role words are dropped.

export type NameTokens = (path: string) => string[];

/**
 * Builds the tokenizer for one project. Two kinds of words say what a file does, not what it is about, and are
 * dropped: a last word repeating a folder name on the file's path (`controllers/…-controller.ts`, the layer), and role
 * suffixes (the last word of at least ROLE_MIN_FILES file names in at least two folders: `.service`, `.entity`,
 * `.module`, `-router`).
 */
export function createNameTokens(files: readonly string[]): NameTokens {
  const lastWordFolders = new Map<string, Set<string>>();
  const lastWordFiles = new Map<string, number>();
  for (const file of files) {
    const all = words(baseName(file)).map(singular);
    const last = all[all.length - 1];
    if (last === undefined) continue;
    const folder = file.slice(0, Math.max(0, file.lastIndexOf('/')));
    lastWordFiles.set(last, (lastWordFiles.get(last) ?? 0) + 1);
    let folders = lastWordFolders.get(last);
    if (!folders) lastWordFolders.set(last, (folders = new Set()));
    folders.add(folder);
  }
  const roles = new Set(
    [...lastWordFiles]
      .filter(([word, count]) => count >= ROLE_MIN_FILES && (lastWordFolders.get(word)?.size ?? 0) >= 2)
      .map(([word]) => word),
  );
  return (path) => rawWords(path).filter((w) => !roles.has(w));
}

/** Past this many file names ending in the same word across folders, that word names a role. */
export const ROLE_MIN_FILES = 3;

/**
 * Lower-case singular words of the file name, without generic words, and without a last word that repeats a folder
 * on the path: `controllers/order-controller.ts` names its layer last, while `posts/posts-router.ts` names its
 * domain first and keeps it.
 */
function rawWords(path: string): string[] {
  const all = words(baseName(path)).map(singular);
  const last = all[all.length - 1];
  const dropLast = last !== undefined && folderWordsOf(path).has(last);
  const tokens = (dropLast ? all.slice(0, -1) : all).filter((w) => w.length > 1 && !GENERIC.has(w));
  return [...new Set(tokens)];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
}

function folderWordsOf(path: string): Set<string> {
  return new Set(path.split('/').slice(0, -1).flatMap(words).map(singular));
}

/** Words a path segment is made of (kebab, snake, dot and camel case). */
export function words(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !/^\d+$/.test(w));
}

/**
 * A crude stem for matching words across files, not for display: `pricing` and `price` both give `pric`. Only the
 * endings that tie a domain's noun to its activity (-ing, a final -e) are cut.
 */
export function stem(word: string): string {
  let w = word;
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

export function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && word.length > 3)
    return word.slice(0, -1);
  return word;
}

// Words that name a file's technical role in any TypeScript backend, never its business domain.
const GENERIC = new Set(['index', 'type', 'spec', 'test', 'impl', 'main', 'mod']);
