// JSON Schema of the `PUT /routes/:id/flag` body; ranges and the 0.01 step are checked again by the store.
import { STICKY_BY_PATTERN } from '../config/config-schema.js';
import { STAGES } from '../flags/route-flag.js';

export interface FlagWriteBody {
  readonly stage: (typeof STAGES)[number];
  readonly percent?: number;
  readonly shadowPercent?: number;
  readonly stickyBy?: `header:${string}` | `cookie:${string}` | 'ip';
  readonly reason: string;
  /** Passes the promotion gate without the evidence it asks for; the reason then says so in the audit trail. */
  readonly force?: boolean;
}

export const FLAG_WRITE_SCHEMA = {
  type: 'object',
  required: ['stage', 'reason'],
  additionalProperties: false,
  properties: {
    stage: { type: 'string', enum: [...STAGES] },
    percent: { type: 'number', minimum: 0, maximum: 100 },
    shadowPercent: { type: 'number', minimum: 0, maximum: 100 },
    stickyBy: { type: 'string', pattern: STICKY_BY_PATTERN },
    reason: { type: 'string', minLength: 1, maxLength: 500 },
    force: { type: 'boolean' },
  },
} as const;
