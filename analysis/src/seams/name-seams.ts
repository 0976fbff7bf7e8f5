// Names each seam after the domain word its file names, route paths and tables repeat most.
import { singular, words, type NameTokens } from './name-tokens.js';

export interface SeamContent {
  readonly files: readonly string[];
  /** `METHOD /path` */
  readonly routes: readonly string[];
  readonly tables: readonly string[];
}

// Path words that say where an API lives, not what it is about.
const ROUTE_NOISE = new Set(['api', 'v1', 'v2', 'v3', 'rest', 'public', 'internal', 'admin']);

/** Key → unique name; a name already taken gets the seam's next best word appended, then a number. */
export function nameSeams(
  seams: ReadonlyMap<string, SeamContent>,
  nameTokens: NameTokens,
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const ranked = [...seams].sort((a, b) => b[1].files.length - a[1].files.length || (a[0] < b[0] ? -1 : 1));
  for (const [key, content] of ranked) {
    const candidates = rankWords(content, nameTokens);
    const first = candidates[0] ?? 'seam';
    let name = first;
    if (taken.has(name)) name = candidates[1] !== undefined ? `${first}-${candidates[1]}` : first;
    for (let n = 2; taken.has(name); n += 1) name = `${first}-${n}`;
    taken.add(name);
    names.set(key, name);
  }
  return names;
}

function rankWords(content: SeamContent, nameTokens: NameTokens): string[] {
  const votes = new Map<string, number>();
  const vote = (word: string): void => {
    votes.set(word, (votes.get(word) ?? 0) + 1);
  };
  for (const file of content.files) nameTokens(file).forEach(vote);
  for (const route of content.routes) {
    const path = route.slice(route.indexOf(' ') + 1);
    const segment = path
      .split('/')
      .filter((s) => s.length > 0 && !s.startsWith(':') && !s.startsWith('*'))
      .flatMap(words)
      .map(singular)
      .find((w) => !ROUTE_NOISE.has(w));
    if (segment) vote(segment);
  }
  for (const table of content.tables) words(table).map(singular).slice(0, 1).forEach(vote);
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}
