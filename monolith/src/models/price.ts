// Pricing: a product's list and sale price, and the quote the cart and checkout are priced with.
export interface PriceRow {
  product_id: number;
  list_price_cents: number;
  sale_price_cents: number | null;
  currency: string;
}

export interface Price {
  productId: number;
  listPriceCents: number;
  salePriceCents: number | null;
  effectivePriceCents: number;
  currency: string;
}

export interface QuoteLine {
  productId: number;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

export interface Quote {
  lines: QuoteLine[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  promoCode: string | null;
  currency: string;
}

export function toPrice(row: PriceRow): Price {
  return {
    productId: row.product_id,
    listPriceCents: row.list_price_cents,
    salePriceCents: row.sale_price_cents,
    effectivePriceCents: row.sale_price_cents ?? row.list_price_cents,
    currency: row.currency,
  };
}
