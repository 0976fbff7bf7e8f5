// `ficus status`: migration progress, routes and traffic served by services (issue #6).
import { notBuilt } from './not-built.js';

export const statusCommand = notBuilt(
  'status',
  'Migration progress: routes and traffic served by services, per service and overall',
  'ficus status [--analysis F]',
  6,
);
