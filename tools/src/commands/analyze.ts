// `ficus analyze`: the seam analysis of a TypeScript monolith, rendered as JSON, Markdown, HTML, DOT or Mermaid.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AnalysisError,
  OUTPUT_FORMATS,
  analyze,
  depcruiseRulesFor,
  parseResult,
  proxyRoutesFor,
  render,
  renderDepcruiseRules,
  renderProxyRoutes,
  type AnalysisResult,
  type OutputFormat,
} from '@ficus/analysis';
import type { CliIo, Command } from '../command.js';
import { CliError } from '../errors.js';

const EMITS = ['proxy-routes', 'depcruise-rules'] as const;
type Emit = (typeof EMITS)[number];

const FORMAT_BY_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  '.json': 'json',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.dot': 'dot',
  '.gv': 'dot',
  '.mmd': 'mermaid',
};

const HELP = `Usage: ficus analyze <dir> [options]
       ficus analyze --from result.json [options]

Finds the seams of a TypeScript monolith: which files, routes and tables belong together, and how cheaply each
candidate service could be cut out. Progress goes to stderr, the report to stdout (or --out).

Options:
  --format F        json | md | html | dot | mermaid (default: from the --out extension, else md)
  --out F           write the report to F instead of stdout
  --tsconfig F      the tsconfig to load (default: <dir>/tsconfig.json when it exists, else every source file)
  --services K      ask for exactly K candidate services (shared infrastructure not counted)
  --resolution R    clustering resolution, default 1: higher gives more, smaller seams
  --seed N          seed of the clustering order, default 1 (same seed, same seams)
  --git             add co-change from \`git log\` as evidence
  --from F          re-render a saved JSON result instead of analysing
  --seam ID         with --emit: the candidate to emit for (ids are in the candidates table)
  --emit WHAT       proxy-routes (entries for ficus.config.yaml) | depcruise-rules (a .dependency-cruiser.cjs
                    fragment forbidding new dependencies across the seam)
  --path-prefix P   with --emit depcruise-rules: prepended to every path (the analysed dir, seen from where
                    depcruise runs; default: <dir> as given)
  -h, --help        show this help

Examples:
  ficus analyze monolith --format json --out analysis.json
  ficus analyze --from analysis.json --format html --out seams.html
  ficus analyze --from analysis.json --seam reviews --emit proxy-routes

Exit codes: 0 success, 1 the analysis failed, 2 usage error.
`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'The seam analysis of a TypeScript monolith',
  help: HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const options = parseOptions(argv);
    const result = options.from
      ? readResult(resolve(io.cwd, options.from))
      : await runAnalysis(resolve(io.cwd, options.dir!), options, io);
    const text = options.emit
      ? emit(result, options.seam!, options.emit, options.pathPrefix ?? prefixOf(options.dir))
      : render(result, options.format);
    if (options.out) {
      const target = resolve(io.cwd, options.out);
      writeFileSync(target, text);
      io.stderr.write(`ficus analyze: wrote ${target}\n`);
    } else {
      io.stdout.write(text);
    }
    return 0;
  },
};

interface AnalyzeCliOptions {
  readonly dir?: string;
  readonly from?: string;
  readonly format: OutputFormat;
  readonly out?: string;
  readonly tsconfig?: string;
  readonly services?: number;
  readonly resolution?: number;
  readonly seed?: number;
  readonly git: boolean;
  readonly seam?: string;
  readonly emit?: Emit;
  readonly pathPrefix?: string;
}

function parseOptions(argv: readonly string[]): AnalyzeCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        tsconfig: { type: 'string' },
        services: { type: 'string' },
        resolution: { type: 'string' },
        seed: { type: 'string' },
        git: { type: 'boolean', default: false },
        from: { type: 'string' },
        seam: { type: 'string' },
        emit: { type: 'string' },
        'path-prefix': { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliError('FICUS_CLI_USAGE', (error as Error).message, { cause: error });
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new CliError('FICUS_CLI_USAGE', `expected one folder, got ${positionals.length}`);
  const dir = positionals[0];
  if (dir === undefined && values.from === undefined) {
    throw new CliError('FICUS_CLI_USAGE', 'give the folder to analyse, or --from a saved result');
  }
  if (dir !== undefined && values.from !== undefined) {
    throw new CliError('FICUS_CLI_USAGE', 'give either a folder or --from, not both');
  }
  const format =
    values.format ??
    (values.out ? FORMAT_BY_EXTENSION[extname(values.out).toLowerCase()] : undefined) ??
    'md';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      'FICUS_CLI_USAGE',
      `--format must be one of ${OUTPUT_FORMATS.join(', ')}; got "${format}"`,
    );
  }
  if (values.emit !== undefined && !(EMITS as readonly string[]).includes(values.emit)) {
    throw new CliError('FICUS_CLI_USAGE', `--emit must be one of ${EMITS.join(', ')}; got "${values.emit}"`);
  }
  if ((values.emit === undefined) !== (values.seam === undefined)) {
    throw new CliError('FICUS_CLI_USAGE', '--seam and --emit go together');
  }
  const services = values.services === undefined ? undefined : positiveInteger('--services', values.services);
  const seed = values.seed === undefined ? undefined : positiveInteger('--seed', values.seed);
  const resolution = values.resolution === undefined ? undefined : Number(values.resolution);
  if (resolution !== undefined && !(Number.isFinite(resolution) && resolution > 0)) {
    throw new CliError(
      'FICUS_CLI_USAGE',
      `--resolution must be a positive number; got "${values.resolution}"`,
    );
  }
  return {
    format: format as OutputFormat,
    git: values.git ?? false,
    ...(dir === undefined ? {} : { dir }),
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.tsconfig === undefined ? {} : { tsconfig: values.tsconfig }),
    ...(services === undefined ? {} : { services }),
    ...(resolution === undefined ? {} : { resolution }),
    ...(seed === undefined ? {} : { seed }),
    ...(values.seam === undefined ? {} : { seam: values.seam }),
    ...(values.emit === undefined ? {} : { emit: values.emit as Emit }),
    ...(values['path-prefix'] === undefined ? {} : { pathPrefix: values['path-prefix'] }),
  };
}

function positiveInteger(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError('FICUS_CLI_USAGE', `${name} must be a positive integer; got "${text}"`);
  return n;
}

async function runAnalysis(root: string, options: AnalyzeCliOptions, io: CliIo): Promise<AnalysisResult> {
  const started = Date.now();
  io.stderr.write(`ficus analyze: loading ${root}\n`);
  try {
    const result = await analyze(root, {
      ...(options.tsconfig === undefined ? {} : { tsconfig: options.tsconfig }),
      ...(options.services === undefined ? {} : { services: options.services }),
      ...(options.resolution === undefined ? {} : { resolution: options.resolution }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      git: options.git,
      onProgress: (event) => {
        // Single-step stages report start and end; the start is enough on a terminal.
        if (event.total <= 1 && event.done > 0) return;
        const count = event.total > 1 ? ` ${event.done}/${event.total}` : '';
        io.stderr.write(`ficus analyze: ${event.stage}${count}\n`);
      },
    });
    const candidates = result.seams.filter((s) => !s.shared).length;
    io.stderr.write(
      `ficus analyze: ${result.files.length} files, ${result.routes.length} routes, ${candidates} candidates ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return result;
  } catch (error) {
    throw asCliError(error);
  }
}

function readResult(path: string): AnalysisResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError('FICUS_CLI_FAILED', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return parseResult(text);
  } catch (error) {
    throw asCliError(error);
  }
}

function emit(result: AnalysisResult, seam: string, what: Emit, pathPrefix: string): string {
  try {
    if (what === 'proxy-routes') return renderProxyRoutes(proxyRoutesFor(result, seam));
    return renderDepcruiseRules(seam, depcruiseRulesFor(result, seam, pathPrefix));
  } catch (error) {
    throw asCliError(error);
  }
}

function prefixOf(dir: string | undefined): string {
  if (dir === undefined || dir === '.' || dir === './') return '';
  return dir.replace(/^\.\//, '').replace(/\/?$/, '/');
}

function asCliError(error: unknown): CliError {
  if (error instanceof AnalysisError) {
    const code = error.code === 'FICUS_ANALYSIS_UNKNOWN_SEAM' ? 'FICUS_CLI_USAGE' : 'FICUS_CLI_FAILED';
    return new CliError(code, `${error.code}: ${error.message}`, { cause: error });
  }
  if (error instanceof CliError) return error;
  return new CliError('FICUS_CLI_FAILED', error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}
