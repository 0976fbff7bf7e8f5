// Cart: what a signed-in shopper is about to buy, priced by the pricing service.
export interface CartLineRow {
  product_id: number;
  name: string;
  quantity: number;
  active: number;
}

export interface CartLine {
  productId: number;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

export interface Cart {
  lines: CartLine[];
  itemCount: number;
  promoCode: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
}
