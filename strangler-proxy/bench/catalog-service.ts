// Benchmark upstream: the real extracted catalog service, on a database moved out of the seeded monolith.
// Loaded by package name at run time: the proxy package does not depend on the sample apps, only its bench uses them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface CatalogPackage {
  moveCatalogData(options: { from: string; to: string }): unknown;
  startCatalogService(options: {
    dbPath: string;
    port: number;
  }): Promise<{ url: string; close(): Promise<void> }>;
}

const monolithName = '@ficus/monolith';
const catalogName = '@ficus/catalog-service';
const { seededTemplate } = (await import(monolithName)) as { seededTemplate(): string };
const catalog = (await import(catalogName)) as CatalogPackage;

const dir = mkdtempSync(join(tmpdir(), 'ficus-bench-catalog-'));
const dbPath = join(dir, 'catalog.sqlite');
catalog.moveCatalogData({ from: seededTemplate(), to: dbPath });
const service = await catalog.startCatalogService({ dbPath, port: 0 });
process.send?.({ port: Number(new URL(service.url).port) });
process.on('SIGTERM', () => {
  void service.close().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
