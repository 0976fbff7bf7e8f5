// Data access per file across styles: SQL, knex, Prisma, Sequelize and TypeORM, with read vs write and the source.
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractProject } from '../../../src/extract/extract-project.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

async function tablesOf(fixture: string): Promise<string[]> {
  const project = await extractProject(`${FIXTURES}${fixture}`);
  return project.tables.map((a) => `${a.file} ${a.mode} ${a.table} ${a.via}`);
}

t.test(
  'Prisma client calls and Sequelize models (define and init) are reads and writes of their tables',
  async (t) => {
    t.same(await tablesOf('koa-router'), [
      'src/authors.ts read authors sequelize',
      'src/authors.ts write publishers sequelize',
      'src/books.ts read book prisma',
      'src/books.ts write book prisma',
    ]);
  },
);

t.test('knex calls and chains, and raw SQL in strings and templates', async (t) => {
  const tables = await tablesOf('express-blog');
  t.same(
    tables.filter((line) => /^src\/(repositories\/(media|posts|tags)|services\/feed)/.test(line)),
    [
      'src/repositories/media-repository.ts read uploads knex',
      'src/repositories/media-repository.ts write uploads knex',
      'src/repositories/posts-repository.ts write post_tags knex',
      'src/repositories/posts-repository.ts read posts knex',
      'src/repositories/posts-repository.ts write posts knex',
      'src/repositories/tags-repository.ts read post_tags sql',
      'src/repositories/tags-repository.ts write post_tags sql',
      'src/repositories/tags-repository.ts read tags sql',
      'src/repositories/tags-repository.ts write tags sql',
      'src/services/feed-service.ts read posts sql',
      'src/services/feed-service.ts read users sql',
    ],
  );
});

t.test(
  'TypeORM repositories, entity managers and entity names (explicit, object, or from the class name)',
  async (t) => {
    t.same(await tablesOf('nestjs-shop'), [
      'src/catalog/categories.service.ts read categories sql',
      'src/catalog/categories.service.ts read products sql',
      'src/catalog/products.service.ts read products typeorm',
      'src/catalog/products.service.ts write products typeorm',
      'src/customers/customers.service.ts read customer_address typeorm',
      'src/customers/customers.service.ts read customers typeorm',
      'src/customers/customers.service.ts write customers typeorm',
      'src/orders/orders.service.ts read orders typeorm',
      'src/orders/orders.service.ts write orders typeorm',
      'src/orders/payments.gateway.ts write payments sql',
      'src/reviews/reviews.service.ts read reviews typeorm',
      'src/reviews/reviews.service.ts write reviews typeorm',
    ]);
  },
);
