// `ficus proxy`: Run the strangler proxy.
import { notBuilt } from './not-built.js';

export const proxyCommand = notBuilt('proxy', 'Run the strangler proxy', 'ficus proxy [--config F]', 3);
