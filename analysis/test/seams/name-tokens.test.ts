import t from 'tap';
import { createNameTokens, singular } from '../../src/seams/name-tokens.js';

t.test('keeps the domain words of a file name and drops the layer its folder already names', async (t) => {
  const tokens = createNameTokens([]);
  t.same(tokens('src/controllers/order-items-controller.ts'), ['order', 'item']);
  t.same(tokens('src/repositories/fulfillmentCenterRepository.ts'), ['fulfillment', 'center']);
  t.same(tokens('src/models/category.ts'), ['category']);
  t.same(tokens('src/reviews/index.ts'), []);
});

t.test('drops role suffixes that end file names across several folders', async (t) => {
  const tokens = createNameTokens([
    'src/orders/orders.service.ts',
    'src/orders/orders.controller.ts',
    'src/catalog/products.service.ts',
    'src/catalog/products.controller.ts',
    'src/reviews/reviews.service.ts',
    'src/reviews/reviews.controller.ts',
    'src/shared/logger.service.ts',
  ]);
  t.same(
    tokens('src/orders/orders.service.ts'),
    ['order'],
    'a feature folder repeated first is the domain, kept',
  );
  t.same(tokens('src/catalog/products.controller.ts'), ['product']);
  t.same(tokens('src/shared/logger.service.ts'), ['logger']);
});

t.test('singularises plain English plurals only', async (t) => {
  t.equal(singular('categories'), 'category');
  t.equal(singular('orders'), 'order');
  t.equal(singular('status'), 'status');
  t.equal(singular('address'), 'address');
});
