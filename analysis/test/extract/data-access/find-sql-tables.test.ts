// SQL table extraction: reads from FROM/JOIN, writes from INSERT/UPDATE/DELETE/REPLACE, no false tables.
import t from 'tap';
import { findSqlTables, looksLikeSql } from '../../../src/extract/data-access/find-sql-tables.js';

const cases: [string, string[]][] = [
  ['SELECT * FROM products', ['read products']],
  [
    'select p.id from products p join categories c on c.id = p.category_id',
    ['read products', 'read categories'],
  ],
  [
    'SELECT * FROM orders o LEFT OUTER JOIN "order_items" i ON i.order_id = o.id',
    ['read orders', 'read order_items'],
  ],
  ['SELECT a.x, b.y FROM main.a, b WHERE a.id = b.id', ['read a', 'read b']],
  ['INSERT INTO reviews (product_id) VALUES (?)', ['write reviews']],
  ['INSERT OR REPLACE INTO stock (sku, qty) VALUES (?, ?)', ['write stock']],
  [
    'INSERT INTO order_items (order_id, sku) SELECT ?, sku FROM cart_items WHERE cart_id = ?',
    ['write order_items', 'read cart_items'],
  ],
  ['UPDATE `users` SET name = ? WHERE id = ?', ['write users']],
  ['DELETE FROM sessions WHERE token = ?', ['write sessions']],
  ['REPLACE INTO settings VALUES (?, ?)', ['write settings']],
  [
    'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent JOIN users u ON u.id = recent.user_id',
    ['read orders', 'read users'],
  ],
  ['SELECT EXTRACT(YEAR FROM created_at) FROM payments', ['read payments']],
  ['SELECT * FROM (SELECT id FROM shipments) s', ['read shipments']],
  ['SELECT value FROM json_each(?)', []],
];

t.test('finds the tables of SQL statements with their mode', async (t) => {
  for (const [sql, expected] of cases) {
    t.same(
      findSqlTables(sql).map((use) => `${use.mode} ${use.table}`),
      expected,
      sql,
    );
  }
});

t.test('tells SQL from prose', async (t) => {
  t.ok(looksLikeSql('SELECT id FROM users'));
  t.ok(looksLikeSql('\n    UPDATE carts SET total = ? WHERE id = ?'));
  t.ok(looksLikeSql(' FROM products p WHERE p.id = ?'), 'a FROM fragment of a built query');
  t.notOk(looksLikeSql('Select a product to continue'));
  t.notOk(looksLikeSql('Update failed, please retry'));
  t.notOk(looksLikeSql('/api/products'));
});
