import t from 'tap';
import type { TokenConfig } from '../../src/config/ficus-config.js';
import { hashToken, matchToken } from '../../src/admin/verify-token.js';

const tokens: TokenConfig[] = [
  { team: 'broken', role: 'team', sha256: 'not-a-digest' },
  { team: 'reviews', role: 'team', sha256: hashToken('alpha') },
  { team: 'platform', role: 'admin', sha256: hashToken('beta').toUpperCase() },
  { team: 'duplicate', role: 'team', sha256: hashToken('alpha') },
];

t.test('hashToken is the lower-case hex SHA-256 of the token', async (t) => {
  t.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

t.test('matchToken finds the configured token by digest and nothing else', async (t) => {
  const cases: Array<[string, string | null]> = [
    ['alpha', 'reviews'],
    ['beta', 'platform'],
    ['alpha ', null],
    ['', null],
    ['not-a-digest', null],
    [hashToken('alpha'), null],
  ];
  for (const [presented, team] of cases) {
    t.equal(matchToken(tokens, presented)?.team ?? null, team, JSON.stringify(presented));
  }
  t.equal(matchToken([], 'alpha'), null);
});
