// Fulfillment: the warehouses orders ship from.
export interface FulfillmentCenter {
  id: number;
  code: string;
  name: string;
  city: string;
  country: string;
}

export interface CenterStockLine {
  productId: number;
  sku: string;
  name: string;
  quantity: number;
}
