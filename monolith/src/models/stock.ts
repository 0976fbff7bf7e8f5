// Inventory: units on hand per product and fulfillment center.
export interface StockLevel {
  centerId: number;
  centerCode: string;
  quantity: number;
}

export interface Availability {
  productId: number;
  totalQuantity: number;
  inStock: boolean;
  centers: StockLevel[];
}

export interface LowStockRow {
  productId: number;
  sku: string;
  name: string;
  centerId: number;
  quantity: number;
}
