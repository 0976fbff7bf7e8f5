// `ficus flags`: List, show, set and audit route flags through the admin API.
import { notBuilt } from './not-built.js';

export const flagsCommand = notBuilt('flags', 'List, show, set and audit route flags through the admin API', 'ficus flags list|show ID|set ID STAGE [--percent N] [--reason R]|history ID', 3);
