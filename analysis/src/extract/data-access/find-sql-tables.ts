// Table names read and written by one SQL text: FROM/JOIN reads, INSERT/UPDATE/DELETE/REPLACE writes.

export interface SqlTableUse {
  readonly table: string;
  readonly mode: 'read' | 'write';
}

const STATEMENT_START = /^\s*\(?\s*(select|insert|update|delete|replace|with)\b/i;
// A fragment of a query built by concatenation (`' FROM t WHERE '`, `'JOIN x ON'`).
const FRAGMENT_START =
  /^\s*(from|(inner\s+|left\s+(outer\s+)?|right\s+|cross\s+|full\s+(outer\s+)?)?join)\s+[\w"`[]/i;
const WRITES = [
  /\binsert\s+(?:or\s+\w+\s+)?into\s+([\w."`[\]]+)/gi,
  /\breplace\s+into\s+([\w."`[\]]+)/gi,
  /\bupdate\s+(?:or\s+\w+\s+)?([\w."`[\]]+)\s+set\b/gi,
  /\bdelete\s+from\s+([\w."`[\]]+)/gi,
];
const READ_CLAUSE = /\b(from|join)\s+/gi;
const CLAUSE_END =
  /\b(where|join|inner|left|right|full|cross|natural|group|order|limit|having|union|except|intersect|on|using|set|returning|values|window|offset)\b|[();]/i;
const NOT_TABLES = new Set(['select', 'lateral', 'unnest', 'only', 'dual', 'values', 'table']);

/** True when the text looks like SQL (a statement, or a FROM/JOIN fragment of one). */
export function looksLikeSql(text: string): boolean {
  if (STATEMENT_START.test(text)) {
    return /\b(from|into|set|join)\b/i.test(text);
  }
  return FRAGMENT_START.test(text);
}

/** Tables of an SQL text, lower-cased, without schema; a table both read and written is listed under both. */
export function findSqlTables(sql: string): SqlTableUse[] {
  const found = new Map<string, SqlTableUse>();
  const ctes = cteNames(sql);
  const add = (raw: string | undefined, mode: 'read' | 'write'): void => {
    const table = cleanName(raw);
    if (table && !NOT_TABLES.has(table) && !ctes.has(table)) found.set(`${mode} ${table}`, { table, mode });
  };
  for (const pattern of WRITES) {
    for (const match of sql.matchAll(pattern)) add(match[1], 'write');
  }
  for (const match of sql.matchAll(READ_CLAUSE)) {
    const start = (match.index ?? 0) + match[0].length;
    const before = sql.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
    // DELETE FROM is a write; EXTRACT(x FROM y), TRIM(... FROM y) and IS DISTINCT FROM name columns, not tables.
    if (/\bdelete\s+$/i.test(before) || /\bdistinct\s+$/i.test(before)) continue;
    if (/\b(extract|trim|substring|position|overlay)\s*\([^()]*$/i.test(before)) continue;
    const rest = sql.slice(start);
    const end = rest.search(CLAUSE_END);
    const clause = end < 0 ? rest : rest.slice(0, end);
    // A subquery, or a table-valued function such as json_each(?).
    if (/^\s*([\w.]+\s*)?\(/.test(rest)) continue;
    const parts = match[1]?.toLowerCase() === 'from' ? clause.split(',') : [clause];
    for (const part of parts) add(part.trim().split(/\s+/)[0], 'read');
  }
  return [...found.values()];
}

function cleanName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const last =
    raw
      .replace(/["`[\]]/g, '')
      .split('.')
      .pop() ?? '';
  return /^[A-Za-z_][\w$]*$/.test(last) ? last.toLowerCase() : undefined;
}

function cteNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const match of sql.matchAll(/(?:\bwith\s+(?:recursive\s+)?|,\s*)(\w+)\s+as\s*\(/gi)) {
    if (match[1]) names.add(match[1].toLowerCase());
  }
  return names;
}
