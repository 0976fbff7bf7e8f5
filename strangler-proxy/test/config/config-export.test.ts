// The `./config` subpath gives the analysis the schema and defaults, and no loader (no fs, no yaml).
import t from 'tap';
import * as configExport from '../../src/config/index.js';

t.test('the config subpath exports the schema and defaults only', async (t) => {
  t.same(Object.keys(configExport).sort(), [
    'CONFIG_DEFAULTS',
    'FICUS_CONFIG_SCHEMA',
    'ROUTE_ID_PATTERN',
    'ROUTE_PATH_PATTERN',
    'STICKY_BY_PATTERN',
  ]);
  t.equal(configExport.FICUS_CONFIG_SCHEMA.type, 'object');
});
