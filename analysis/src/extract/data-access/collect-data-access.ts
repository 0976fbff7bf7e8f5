// Finds data access in one file: SQL in literals, knex chains, Prisma calls, TypeORM/Sequelize model calls and models.
import { ts } from 'ts-morph';
import type { ModelDefinition } from './orm-models.js';
import { walkReferences } from '../walk-references.js';
import { findSqlTables, looksLikeSql } from './find-sql-tables.js';
import { collectModelDefinition, injectedModel, sequelizeDefinition } from './orm-models.js';

export type AccessMode = 'read' | 'write';

/** An access whose table is known in place, at a position of the file. */
export interface DirectAccess {
  readonly pos: number;
  readonly table: string;
  readonly mode: AccessMode;
  readonly via: string;
}

/** A call on a model or entity known by a local name (`User.findAll()`, `this.repo.save()` of `Repository<User>`). */
export interface ModelUse {
  readonly pos: number;
  readonly model: string;
  readonly mode: AccessMode;
}

export interface FileDataAccess {
  readonly direct: readonly DirectAccess[];
  readonly modelUses: readonly ModelUse[];
  /** Models and entities declared here, by top-level name. */
  readonly models: ReadonlyMap<string, ModelDefinition>;
}

const KNEX_CALLEES = new Set(['knex', 'db', 'trx', 'qb']);
const KNEX_TABLE_METHODS = new Set(['from', 'table', 'into']);
const KNEX_JOINS =
  /^(join|innerJoin|leftJoin|leftOuterJoin|rightJoin|rightOuterJoin|fullOuterJoin|crossJoin)$/;
const CHAIN_WRITES = new Set([
  'insert',
  'update',
  'del',
  'delete',
  'truncate',
  'upsert',
  'increment',
  'decrement',
  'softDelete',
  'merge',
]);
const NOT_QUERY_BUILDERS = new Set([
  'Array',
  'Buffer',
  'Object',
  'Uint8Array',
  'Set',
  'Map',
  'console',
  'Promise',
]);
const PRISMA_READ =
  /^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|aggregate|groupBy)$/;
const PRISMA_WRITE = /^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/;
const ORM_READ =
  /^(find|findOne|findBy|findOneBy|findAndCount|findAndCountAll|findOneOrFail|findOneByOrFail|findByIds|findAll|findByPk|count|countBy|exist|exists|existsBy|sum|average|minimum|maximum|max|min)$/;
const ORM_WRITE =
  /^(save|insert|update|delete|remove|softDelete|softRemove|restore|upsert|create|increment|decrement|destroy|bulkCreate|findOrCreate|clear)$/;

export function collectDataAccess(sourceFile: ts.SourceFile): FileDataAccess {
  const direct: DirectAccess[] = [];
  const modelUses: ModelUse[] = [];
  const models = new Map<string, ModelDefinition>();
  const repositoryVariables = new Map<string, string>();

  for (const statement of sourceFile.statements) collectModelDefinition(statement, models);
  walkReferences(sourceFile, false, {
    reference: () => undefined,
    literal: (node) => {
      const text = ts.isTemplateExpression(node)
        ? node.head.text + node.templateSpans.map((span) => `?${span.literal.text}`).join('')
        : node.text;
      if (text.length < 8 || !looksLikeSql(text)) return;
      for (const use of findSqlTables(text)) direct.push({ pos: node.pos, ...use, via: 'sql' });
    },
    call: (call) => {
      collectKnex(call, direct);
      collectPrisma(call, direct);
      collectModelCall(call, modelUses, repositoryVariables);
      const defined = sequelizeDefinition(call);
      if (defined) models.set(defined.local, { table: defined.table, via: 'sequelize' });
    },
  });
  return { direct, modelUses, models };
}

function collectKnex(call: ts.CallExpression, direct: DirectAccess[]): void {
  const argument = call.arguments[0];
  if (!argument || !ts.isStringLiteralLike(argument)) return;
  const table = knexTableName(argument.text);
  if (!table) return;
  const callee = call.expression;
  if (
    ts.isIdentifier(callee) ||
    (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword)
  ) {
    const name = ts.isIdentifier(callee) ? callee.text : callee.name.text;
    if (KNEX_CALLEES.has(name)) direct.push({ pos: call.pos, table, mode: chainMode(call), via: 'knex' });
    return;
  }
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  const receiver = callee.expression;
  if (ts.isIdentifier(receiver) && NOT_QUERY_BUILDERS.has(receiver.text)) return;
  if (KNEX_TABLE_METHODS.has(method)) {
    direct.push({ pos: call.pos, table, mode: method === 'into' ? 'write' : chainMode(call), via: 'knex' });
  } else if (KNEX_JOINS.test(method) && call.arguments.length >= 2) {
    direct.push({ pos: call.pos, table, mode: 'read', via: 'knex' });
  }
}

function collectPrisma(call: ts.CallExpression, direct: DirectAccess[]): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isPropertyAccessExpression(callee.expression)) return;
  const method = callee.name.text;
  const mode = PRISMA_READ.test(method) ? 'read' : PRISMA_WRITE.test(method) ? 'write' : undefined;
  const client = callee.expression.expression;
  const clientName = ts.isIdentifier(client)
    ? client.text
    : ts.isPropertyAccessExpression(client) && client.expression.kind === ts.SyntaxKind.ThisKeyword
      ? client.name.text
      : undefined;
  if (!mode || clientName === undefined || !/prisma|^tx$|^db$/i.test(clientName)) return;
  direct.push({ pos: call.pos, table: callee.expression.name.text, mode, via: 'prisma' });
}

function collectModelCall(
  call: ts.CallExpression,
  uses: ModelUse[],
  repositoryVariables: Map<string, string>,
): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  const receiver = callee.expression;
  // `const users = dataSource.getRepository(User)`: remember which entity the variable stands for.
  if (
    method === 'getRepository' &&
    ts.isVariableDeclaration(call.parent) &&
    ts.isIdentifier(call.parent.name)
  ) {
    const entity = call.arguments[0];
    if (entity && ts.isIdentifier(entity)) repositoryVariables.set(call.parent.name.text, entity.text);
    return;
  }
  const mode =
    method === 'createQueryBuilder'
      ? chainMode(call)
      : ORM_READ.test(method)
        ? 'read'
        : ORM_WRITE.test(method)
          ? 'write'
          : undefined;
  if (!mode) return;
  const model = modelOfReceiver(receiver, repositoryVariables) ?? entityArgument(call, receiver);
  if (model) uses.push({ pos: call.pos, model, mode });
}

function modelOfReceiver(
  receiver: ts.Expression,
  repositoryVariables: Map<string, string>,
): string | undefined {
  if (ts.isIdentifier(receiver)) return repositoryVariables.get(receiver.text) ?? receiver.text;
  if (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression)) {
    const entity = receiver.arguments[0];
    if (receiver.expression.name.text === 'getRepository' && entity && ts.isIdentifier(entity))
      return entity.text;
  }
  if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    return injectedModel(receiver, receiver.name.text);
  }
  return undefined;
}

/** `manager.find(User, ...)`, `this.em.save(Order, ...)`: the entity is the first argument. */
function entityArgument(call: ts.CallExpression, receiver: ts.Expression): string | undefined {
  const first = call.arguments[0];
  const name = ts.isIdentifier(receiver)
    ? receiver.text
    : ts.isPropertyAccessExpression(receiver)
      ? receiver.name.text
      : '';
  if (!first || !ts.isIdentifier(first) || !/manager|^em$|datasource/i.test(name)) return undefined;
  return /^[A-Z]/.test(first.text) ? first.text : undefined;
}

/** Walks up a method chain (`knex('t').where(...).update(...)`) and says whether it writes. */
function chainMode(call: ts.CallExpression): AccessMode {
  let node: ts.Node = call;
  while (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) {
    if (CHAIN_WRITES.has(node.parent.name.text)) return 'write';
    node = node.parent;
    if (ts.isCallExpression(node.parent) && node.parent.expression === node) node = node.parent;
  }
  return 'read';
}

function knexTableName(text: string): string | undefined {
  const match = /^\s*([A-Za-z_][\w]*\.)?([A-Za-z_][\w]*)(\s+as\s+\w+)?\s*$/i.exec(text);
  return match?.[2];
}

export type { ModelDefinition };
