// A partition of files into services (file → service name), and the as-is folder partition.
import { compareText } from '../compare-text.js';
import { folderOf } from './module-metrics.js';

export type Partition = ReadonlyMap<string, string>;

/** Every file in the service named after its folder: the as-is layering (`src/controllers`, `src/services`, ...). */
export function folderPartition(files: readonly string[]): Partition {
  return new Map(files.map((file) => [file, folderOf(file)]));
}

/** Service name → its files, both sorted. */
export function servicesOf(partition: Partition): Map<string, string[]> {
  const services = new Map<string, string[]>();
  for (const [file, service] of [...partition].sort((a, b) => compareText(a[0], b[0]))) {
    const files = services.get(service);
    if (files) files.push(file);
    else services.set(service, [file]);
  }
  return new Map([...services].sort((a, b) => compareText(a[0], b[0])));
}
