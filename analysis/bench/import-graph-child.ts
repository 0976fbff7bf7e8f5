// Child process of the benchmark: our import-graph extraction alone (load, scan, resolve), no symbols, routes or seams.
import { loadProject } from '../src/load/load-project.js';
import { collectImportEdges } from '../src/extract/collect-file-graph.js';
import { linkModules } from '../src/extract/link-modules.js';
import { createModuleResolver } from '../src/extract/resolve-module.js';
import { scanModule, type ModuleScan } from '../src/extract/scan-module.js';

const root = process.argv[2];
if (root === undefined) throw new Error('usage: import-graph-child <root>');
const project = loadProject(root);
const scans = new Map<string, ModuleScan>();
for (const file of project.files) scans.set(file.path, scanModule(file.sourceFile));
const edges = collectImportEdges(linkModules(project.files, scans, createModuleResolver(project)));
process.stderr.write(`import graph: ${project.files.length} files, ${edges.length} edges\n`);
