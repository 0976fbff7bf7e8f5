// ORM models and entities: TypeORM `@Entity` classes, Sequelize `define`/`init` models, injected repositories.
import { ts } from 'ts-morph';

export interface ModelDefinition {
  readonly table: string;
  readonly via: 'typeorm' | 'sequelize';
}

const REPOSITORY_TYPES = /^(Repository|TreeRepository|MongoRepository|ModelStatic|ModelCtor)$/;

/** `@Entity('t')`, `@Entity({ name })`, `@Entity()` (snake_case of the class) and sequelize-typescript `@Table`. */
export function collectModelDefinition(statement: ts.Statement, models: Map<string, ModelDefinition>): void {
  if (!ts.isClassDeclaration(statement) || !statement.name) return;
  for (const decorator of ts.getDecorators(statement) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
    const name = call.expression.text;
    if (name !== 'Entity' && name !== 'Table') continue;
    const argument = call.arguments[0];
    const given =
      argument && ts.isStringLiteralLike(argument)
        ? argument.text
        : argument && ts.isObjectLiteralExpression(argument)
          ? stringProperty(argument, name === 'Entity' ? 'name' : 'tableName')
          : undefined;
    models.set(statement.name.text, {
      table: given ?? snakeCase(statement.name.text),
      via: name === 'Entity' ? 'typeorm' : 'sequelize',
    });
  }
}

/** The entity of an injected repository: `@InjectRepository(User) repo`, `repo: Repository<User>`, `model: typeof User`. */
export function injectedModel(from: ts.Node, member: string): string | undefined {
  let node: ts.Node | undefined = from;
  while (node && !ts.isClassLike(node)) node = node.parent;
  if (!node) return undefined;
  for (const element of node.members) {
    const candidates: ts.Node[] = ts.isConstructorDeclaration(element) ? [...element.parameters] : [element];
    for (const candidate of candidates) {
      if (!(ts.isParameter(candidate) || ts.isPropertyDeclaration(candidate))) continue;
      if (!ts.isIdentifier(candidate.name) || candidate.name.text !== member) continue;
      for (const decorator of ts.getDecorators(candidate) ?? []) {
        const call = decorator.expression;
        const entity = ts.isCallExpression(call) ? call.arguments[0] : undefined;
        if (entity && ts.isIdentifier(entity) && /^Inject(Repository|Model)$/.test(calleeName(call))) {
          return entity.text;
        }
      }
      return modelOfType(candidate.type);
    }
  }
  return undefined;
}

function calleeName(call: ts.Expression): string {
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : '';
}

function modelOfType(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  if (ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName)) return type.exprName.text;
  if (
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    REPOSITORY_TYPES.test(type.typeName.text)
  ) {
    const argument = type.typeArguments?.[0];
    if (argument && ts.isTypeReferenceNode(argument) && ts.isIdentifier(argument.typeName))
      return argument.typeName.text;
  }
  return undefined;
}

/** `const User = sequelize.define('users', ...)` and `User.init({...}, { sequelize, tableName: 'users' })`. */
export function sequelizeDefinition(call: ts.CallExpression): { local: string; table: string } | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const [first, second, third] = call.arguments;
  if (
    callee.name.text === 'define' &&
    first &&
    ts.isStringLiteralLike(first) &&
    ts.isVariableDeclaration(call.parent)
  ) {
    if (!ts.isIdentifier(call.parent.name)) return undefined;
    const options = third && ts.isObjectLiteralExpression(third) ? third : undefined;
    return {
      local: call.parent.name.text,
      table: (options && stringProperty(options, 'tableName')) ?? first.text,
    };
  }
  if (
    callee.name.text === 'init' &&
    ts.isIdentifier(callee.expression) &&
    second &&
    ts.isObjectLiteralExpression(second)
  ) {
    const names = second.properties.map((property) =>
      property.name && ts.isIdentifier(property.name) ? property.name.text : '',
    );
    if (!names.includes('sequelize') && !names.includes('tableName')) return undefined;
    const table =
      stringProperty(second, 'tableName') ?? stringProperty(second, 'modelName') ?? callee.expression.text;
    return { local: callee.expression.text, table };
  }
  return undefined;
}

function stringProperty(object: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) {
      if (ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
    }
  }
  return undefined;
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
