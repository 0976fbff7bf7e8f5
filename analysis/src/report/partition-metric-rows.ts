// The partition metrics as labelled rows with their direction, shared by the Markdown and HTML reports.
import type { PartitionMetrics } from '../metrics/partition-metrics.js';

export interface MetricRow {
  readonly label: string;
  readonly better: 'higher' | 'lower' | '';
  readonly value: (m: PartitionMetrics) => string;
}

const fixed = (n: number | null, digits = 3): string => (n === null ? 'n/a' : n.toFixed(digits));
const percent = (n: number): string => `${(n * 100).toFixed(1)} %`;

export const METRIC_ROWS: readonly MetricRow[] = [
  { label: 'services', better: '', value: (m) => String(m.services) },
  { label: 'SM (structural modularity)', better: 'higher', value: (m) => fixed(m.sm) },
  { label: 'ICP (inter-call percentage)', better: 'lower', value: (m) => percent(m.icp) },
  { label: 'IFN (interface number, mean)', better: 'lower', value: (m) => fixed(m.ifn, 2) },
  { label: 'NED (non-extreme distribution)', better: 'higher', value: (m) => percent(m.ned) },
  { label: 'BCP (services per route)', better: 'lower', value: (m) => fixed(m.bcp, 2) },
  {
    label: 'routes writing tables of 2+ services',
    better: 'lower',
    value: (m) => String(m.crossServiceWriteRoutes),
  },
];
