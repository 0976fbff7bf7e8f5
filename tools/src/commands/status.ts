// `ficus status`: Migration progress.
import { notBuilt } from './not-built.js';

export const statusCommand = notBuilt('status', 'Migration progress', ' routes and traffic served by services', ficus status [--analysis F]:6);
