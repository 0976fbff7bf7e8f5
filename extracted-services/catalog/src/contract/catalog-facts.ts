// Facts about the seeded data the catalog corpus needs (slugs, a discontinued product, brands, the category tree),
// read from the scratch copy of the monolith's database before the replay starts.
import Database from 'better-sqlite3';

export interface CatalogFacts {
  slugs: string[];
  discontinued: { id: number; slug: string };
  brands: string[];
  departments: number[];
  leafCategories: number[];
  productCount: number;
  categoryCount: number;
}

export function readCatalogFacts(monolithDbPath: string): CatalogFacts {
  const db = new Database(monolithDbPath, { readonly: true });
  try {
    const slugs = (
      db.prepare('SELECT slug FROM products WHERE id IN (1, 2, 500, 3000) ORDER BY id').all() as {
        slug: string;
      }[]
    ).map((r) => r.slug);
    const discontinued = db
      .prepare('SELECT id, slug FROM products WHERE active = 0 ORDER BY id LIMIT 1')
      .get() as CatalogFacts['discontinued'] | undefined;
    const brands = (
      db.prepare('SELECT brand FROM products GROUP BY brand ORDER BY COUNT(*) DESC, brand LIMIT 3').all() as {
        brand: string;
      }[]
    ).map((r) => r.brand);
    const departments = (
      db.prepare('SELECT id FROM categories WHERE parent_id IS NULL ORDER BY id LIMIT 3').all() as {
        id: number;
      }[]
    ).map((r) => r.id);
    const leafCategories = (
      db.prepare('SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 3').all() as {
        id: number;
      }[]
    ).map((r) => r.id);
    const { productCount } = db.prepare('SELECT COUNT(*) AS productCount FROM products').get() as {
      productCount: number;
    };
    const { categoryCount } = db.prepare('SELECT COUNT(*) AS categoryCount FROM categories').get() as {
      categoryCount: number;
    };
    if (slugs.length < 4 || discontinued === undefined || brands.length < 3 || departments.length < 3) {
      throw new Error('the monolith database lacks the seed data the catalog corpus needs');
    }
    return { slugs, discontinued, brands, departments, leafCategories, productCount, categoryCount };
  } finally {
    db.close();
  }
}
