// `ficus routes`: Print the HTTP route inventory of a project.
import { notBuilt } from './not-built.js';

export const routesCommand = notBuilt('routes', 'Print the HTTP route inventory of a project', 'ficus routes <dir>', 5);
