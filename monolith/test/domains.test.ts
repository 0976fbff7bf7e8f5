import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

interface DomainsFile {
  schemaVersion: number;
  domains: string[];
  files: Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : [relative(packageRoot, path).split('\\').join('/')];
  });
}

const domains = JSON.parse(readFileSync(join(packageRoot, 'domains.json'), 'utf8')) as DomainsFile;

t.test('domains.json maps every file under src/ to a declared domain, and nothing else', async (t) => {
  t.equal(domains.schemaVersion, 1);
  const onDisk = sourceFiles(join(packageRoot, 'src')).sort();
  t.same(Object.keys(domains.files).sort(), onDisk);
  const declared = new Set(domains.domains);
  for (const [file, domain] of Object.entries(domains.files))
    t.ok(declared.has(domain), `${file} → ${domain}`);
});

t.test('every declared domain owns a controller, a service, a repository and a model', async (t) => {
  for (const domain of domains.domains.filter((d) => d !== 'platform')) {
    const owned = Object.entries(domains.files)
      .filter(([, d]) => d === domain)
      .map(([f]) => f);
    for (const layer of ['controllers', 'services', 'repositories', 'models']) {
      t.ok(
        owned.some((f) => f.startsWith(`src/${layer}/`)),
        `${domain} has ${layer}`,
      );
    }
  }
  t.same(domains.domains, [
    'platform',
    'accounts',
    'catalog',
    'pricing',
    'inventory',
    'cart',
    'orders',
    'payments',
    'fulfillment',
    'reviews',
    'recommendations',
    'notifications',
  ]);
});

t.test('DOMAINS.md lists every file with the same domain as domains.json', async (t) => {
  const doc = readFileSync(join(packageRoot, 'DOMAINS.md'), 'utf8');
  for (const [file, domain] of Object.entries(domains.files)) {
    t.match(doc, `| \`${file}\` | ${domain} |`, file);
  }
});
