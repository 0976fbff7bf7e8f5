// Grab-bag of helpers every layer reaches for: pagination, JSON schema fragments, clock, money, slugs.
import { config } from '../config.js';

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
}

export const pageQuerySchema = {
  page: { type: 'integer', minimum: 1, maximum: 100000 },
  pageSize: { type: 'integer', minimum: 1, maximum: 100 },
} as const;

export const idParamSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export function pageWindow(query: PageQuery): PageWindow {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? config.defaultPageSize, config.maxPageSize);
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], window: PageWindow, total: number): Page<T> {
  return { items, page: window.page, pageSize: window.pageSize, total };
}

export function nowIso(): string {
  return config.now().toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function percentOf(cents: number, percent: number): number {
  return Math.round((cents * percent) / 100);
}

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function toBool(value: unknown): boolean {
  return value === 1 || value === true || value === '1' || value === 'true';
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function parseJsonObject(text: string | null): Record<string, unknown> {
  if (text === null || text === '') return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** Reads `total` from a `SELECT COUNT(*) AS total` row. */
export function totalOf(row: unknown): number {
  return (row as { total?: number } | undefined)?.total ?? 0;
}
