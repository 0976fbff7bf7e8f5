// `npm run bench -w analysis`: a ~200,000-line synthetic project, timed under ficus analyze, dependency-cruiser and madge.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_PROJECT, generateProject } from './generate-project.js';
import { measureCommand, type Measurement } from './measure-command.js';

// dist/bench/ → the analysis package, then the repository.
const analysisDir = fileURLToPath(new URL('../../', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const generated = join(analysisDir, 'bench', '.generated');
const bin = (name: string): string => realpathSync(join(repo, 'node_modules', '.bin', name));

const MAX_ANALYZE_SECONDS = 60;
const MAX_ANALYZE_MIB = 2048;

process.stderr.write(`bench: generating ${generated}\n`);
const project = generateProject(generated, BENCH_PROJECT);
process.stderr.write(`bench: ${project.files} files, ${project.lines} lines\n`);
const out = mkdtempSync(join(tmpdir(), 'ficus-bench-'));

const runs: { name: string; measurement: Measurement }[] = [];
const run = async (name: string, args: string[]): Promise<Measurement> => {
  process.stderr.write(`bench: ${name}\n`);
  const measurement = await measureCommand(process.execPath, args, generated);
  if (measurement.exitCode !== 0)
    process.stderr.write(`bench: ${name} exited ${measurement.exitCode}\n${measurement.stderr}\n`);
  runs.push({ name, measurement });
  return measurement;
};

const analyze = await run('ficus analyze (whole pipeline)', [
  join(repo, 'tools/dist/src/bin/ficus.js'),
  'analyze',
  generated,
  '--format',
  'json',
  '--out',
  join(out, 'result.json'),
]);
const ours = await run('ficus import graph only', [
  join(analysisDir, 'dist/bench/import-graph-child.js'),
  generated,
]);
const depcruise = await run('dependency-cruiser (depcruise CLI)', [
  bin('depcruise'),
  '--no-config',
  '--ts-pre-compilation-deps',
  '--ts-config',
  'tsconfig.json',
  '--output-type',
  'json',
  '--output-to',
  join(out, 'depcruise.json'),
  'src',
]);
await run('madge (CLI)', [
  bin('madge'),
  '--extensions',
  'ts',
  '--ts-config',
  'tsconfig.json',
  '--json',
  'src',
]);
rmSync(out, { recursive: true, force: true });

const rows = runs.map(({ name, measurement: m }) => [
  name,
  m.wallSeconds.toFixed(2),
  m.peakRssMib === null ? 'n/a' : m.peakRssMib.toFixed(0),
  String(m.exitCode),
]);
const header = ['tool', 'wall s', 'peak RSS MiB', 'exit'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (r: string[]): string =>
  r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
const checks = [
  [
    `ficus analyze < ${MAX_ANALYZE_SECONDS} s`,
    analyze.exitCode === 0 && analyze.wallSeconds < MAX_ANALYZE_SECONDS,
  ],
  [
    `ficus analyze < ${MAX_ANALYZE_MIB} MiB peak RSS`,
    analyze.exitCode === 0 && (analyze.peakRssMib ?? Infinity) < MAX_ANALYZE_MIB,
  ],
  [
    'ficus import graph no slower than dependency-cruiser',
    ours.exitCode === 0 && ours.wallSeconds <= depcruise.wallSeconds,
  ],
] as const;
process.stdout.write(
  [
    `Synthetic layered project: ${project.files} files, ${project.lines} lines (${generated})`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    ...checks.map(([label, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${label}`),
    '',
  ].join('\n'),
);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
