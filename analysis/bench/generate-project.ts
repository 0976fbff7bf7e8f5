// Generates a synthetic layered TypeScript backend (controllers, services, repositories, models, lib) for the benchmark.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, type Random } from '../src/seams/seeded-random.js';

export interface GeneratorOptions {
  readonly domains: number;
  /** Files per layer and domain (services, repositories, models; one controller per domain). */
  readonly filesPerLayer: number;
  /** Functions per service or repository file. */
  readonly functionsPerFile: number;
  readonly seed: number;
}

export interface GeneratedProject {
  readonly root: string;
  /** TypeScript files and their lines (the package.json and tsconfig.json are not counted). */
  readonly files: number;
  readonly lines: number;
}

export const BENCH_PROJECT: GeneratorOptions = {
  domains: 110,
  filesPerLayer: 4,
  functionsPerFile: 20,
  seed: 7,
};

/** Bumped whenever the generated code changes, so a stale `.generated/` is rewritten. */
const GENERATOR_VERSION = 2;

const LIB = [
  'db',
  'logger',
  'errors',
  'config',
  'http',
  'validate',
  'cache',
  'clock',
  'ids',
  'money',
  'paging',
  'auth',
];

/** Writes the project under `root` unless a stamp says the same options already produced it there. */
export function generateProject(root: string, options: GeneratorOptions = BENCH_PROJECT): GeneratedProject {
  const stampPath = join(root, 'generated.json');
  const stamp = JSON.stringify({ generator: GENERATOR_VERSION, ...options });
  if (existsSync(stampPath)) {
    const previous = JSON.parse(readFileSync(stampPath, 'utf8')) as {
      options: string;
      files: number;
      lines: number;
    };
    if (previous.options === stamp) return { root, files: previous.files, lines: previous.lines };
  }
  rmSync(root, { recursive: true, force: true });
  const random = seededRandom(options.seed);
  const domains = Array.from({ length: options.domains }, (_, i) => `domain${i}`);
  let files = 0;
  let lines = 0;
  const write = (path: string, text: string): void => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
    if (!path.endsWith('.ts')) return;
    files += 1;
    lines += text.split('\n').length;
  };
  write(
    'package.json',
    `${JSON.stringify({ name: 'bench-monolith', private: true, type: 'module' }, null, 2)}\n`,
  );
  write(
    'tsconfig.json',
    `${JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true }, include: ['src'] }, null, 2)}\n`,
  );
  for (const lib of LIB) write(`src/lib/${lib}.ts`, libFile(lib, options));
  for (const domain of domains) {
    for (let i = 0; i < options.filesPerLayer; i += 1) {
      write(`src/models/${domain}-model${i}.ts`, modelFile(domain, i, options));
      write(`src/repositories/${domain}-repository${i}.ts`, repositoryFile(domain, i, options));
      write(
        `src/services/${domain}-service${i}.ts`,
        serviceFile(domain, i, options, pick(domains, domain, random)),
      );
    }
    write(`src/controllers/${domain}-controller.ts`, controllerFile(domain, options));
  }
  write('src/app.ts', appFile(domains));
  writeFileSync(stampPath, JSON.stringify({ options: stamp, files, lines }));
  return { root, files, lines };
}

/** Another domain this service calls into, so the graph has the cross-domain coupling real monoliths have. */
function pick(domains: readonly string[], self: string, random: Random): string {
  const other = domains[Math.floor(random() * domains.length)]!;
  return other === self ? domains[(domains.indexOf(self) + 1) % domains.length]! : other;
}

function libFile(name: string, o: GeneratorOptions): string {
  const out = [`// Shared ${name} helpers.`, `import { settings } from './config.js';`, ''];
  if (name === 'config')
    out.splice(1, 1, `export const settings = { name: 'bench', level: 'info' } as const;`);
  for (let f = 0; f < o.functionsPerFile; f += 1) {
    out.push(
      `export function ${name}Helper${f}(input: string, count = ${f}): string {`,
      `  const parts = input.split(',').map((part) => part.trim());`,
      `  if (parts.length === 0) {`,
      `    return settings.name;`,
      `  }`,
      `  let result = '';`,
      `  for (let i = 0; i < count; i += 1) {`,
      `    result += parts[i % parts.length] ?? '';`,
      `  }`,
      `  return result.toUpperCase();`,
      `}`,
      '',
    );
  }
  return out.join('\n');
}

function modelFile(domain: string, i: number, o: GeneratorOptions): string {
  const type = `${cap(domain)}Model${i}`;
  const out = [`// ${type}: a row of the ${domain}_${i} table.`, `export interface ${type} {`];
  for (let f = 0; f < o.functionsPerFile * 2; f += 1)
    out.push(`  readonly field${f}: ${f % 3 === 0 ? 'number' : 'string'};`);
  out.push(
    '}',
    '',
    `export type ${type}Id = string;`,
    '',
    `export function empty${type}(): Partial<${type}> {`,
    '  return {};',
    '}',
    '',
  );
  return out.join('\n');
}

function repositoryFile(domain: string, i: number, o: GeneratorOptions): string {
  const type = `${cap(domain)}Model${i}`;
  const table = `${domain}_${i}`;
  const out = [
    `// Data access for ${table}.`,
    `import { dbHelper0 } from '../lib/db.js';`,
    `import type { ${type} } from '../models/${domain}-model${i}.js';`,
    '',
  ];
  for (let f = 0; f < o.functionsPerFile; f += 1) {
    const write = f % 3 === 2;
    out.push(
      `export function ${write ? 'save' : 'find'}${cap(domain)}${i}x${f}(id: string): ${type} | undefined {`,
      `  const sql = ${write ? `'UPDATE ${table} SET field1 = ? WHERE id = ?'` : `'SELECT * FROM ${table} WHERE id = ?'`};`,
      `  const key = dbHelper0(sql + id, ${f});`,
      `  if (key.length === 0) {`,
      `    return undefined;`,
      `  }`,
      `  const rows: ${type}[] = [];`,
      `  return rows.find((row) => String(row.field1) === key);`,
      `}`,
      '',
    );
  }
  return out.join('\n');
}

function serviceFile(domain: string, i: number, o: GeneratorOptions, other: string): string {
  const out = [
    `// Business rules of ${domain} (part ${i}).`,
    `import { loggerHelper0 } from '../lib/logger.js';`,
    `import { errorsHelper1 } from '../lib/errors.js';`,
    `import * as repository from '../repositories/${domain}-repository${i}.js';`,
    `import type { ${cap(domain)}Model${i} } from '../models/${domain}-model${i}.js';`,
    i > 0
      ? `import { describe${cap(domain)}0x0 } from './${domain}-service0.js';`
      : `import { describe${cap(other)}0x0 } from './${other}-service0.js';`,
    '',
  ];
  for (let f = 0; f < o.functionsPerFile; f += 1) {
    const call = i > 0 ? `describe${cap(domain)}0x0` : `describe${cap(other)}0x0`;
    const find = `repository.${f % 3 === 2 ? 'save' : 'find'}${cap(domain)}${i}x${f}`;
    out.push(
      `export function describe${cap(domain)}${i}x${f}(id: string): string {`,
      `  const row: ${cap(domain)}Model${i} | undefined = ${find}(id);`,
      `  if (!row) {`,
      `    return errorsHelper1(id);`,
      `  }`,
      `  loggerHelper0('${domain} ${f}');`,
      f === 0 && i === 0 ? `  return String(row.field0);` : `  return ${call}(String(row.field0));`,
      `}`,
      '',
    );
  }
  return out.join('\n');
}

function controllerFile(domain: string, o: GeneratorOptions): string {
  const out = [
    `// HTTP routes of ${domain}.`,
    `import { Router } from 'express';`,
    `import { httpHelper0 } from '../lib/http.js';`,
  ];
  for (let i = 0; i < o.filesPerLayer; i += 1) {
    out.push(`import { describe${cap(domain)}${i}x1 } from '../services/${domain}-service${i}.js';`);
  }
  out.push('', `export const ${domain}Router = Router();`, '');
  for (let i = 0; i < o.filesPerLayer; i += 1) {
    out.push(
      `${domain}Router.get('/api/${domain}/part${i}/:id', (req, res) => {`,
      `  const text = describe${cap(domain)}${i}x1(req.params.id);`,
      `  res.json({ text: httpHelper0(text) });`,
      `});`,
      '',
    );
  }
  return out.join('\n');
}

function appFile(domains: readonly string[]): string {
  const out = [`// Wires every router into one express app.`, `import express from 'express';`];
  for (const d of domains) out.push(`import { ${d}Router } from './controllers/${d}-controller.js';`);
  out.push('', 'export const app = express();');
  for (const d of domains) out.push(`app.use(${d}Router);`);
  out.push('');
  return out.join('\n');
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
