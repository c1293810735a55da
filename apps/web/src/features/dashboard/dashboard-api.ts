import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isApiError } from '../../api/api-error';
import type { ReportSummary, User, Workload } from '../../api/types';

/** GET /officers/:id/workload may not exist yet: a 404/405/501 yields null and the page falls back to capacity. */
export async function fetchWorkload(officerId: string): Promise<Workload | null> {
  try {
    return await api<Workload>(`/officers/${officerId}/workload`);
  } catch (e) {
    if (isApiError(e) && [404, 405, 501].includes(e.status)) return null;
    throw e;
  }
}

export function useWorkloads(officers: User[]) {
  return useQueries({
    queries: officers.map((o) => ({
      queryKey: ['workload', o.id],
      queryFn: () => fetchWorkload(o.id),
      staleTime: 30_000,
      retry: false,
    })),
  });
}

export interface SummaryQuery {
  from: string;
  to: string;
  departmentId?: string;
}

export function useSummary(q: SummaryQuery) {
  return useQuery({
    queryKey: ['reports', 'summary', q],
    queryFn: () => api<ReportSummary>('/reports/summary', { query: { ...q } }),
  });
}

export interface BreakdownRow {
  key: string;
  label: string;
  [metric: string]: string | number;
}

const LABEL_KEYS = ['displayName', 'name', 'officerName', 'category', 'officerId', 'id', 'key'];

/**
 * byCategory / byOfficer have no fixed shape in API.md: accept `{hiring: 3}`, `{hiring: {filed: 3}}`
 * and `[{category: 'hiring', filed: 3}]`, keeping every numeric metric.
 */
export function normaliseBreakdown(input: unknown): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  const pushObject = (key: string, obj: Record<string, unknown>) => {
    const row: BreakdownRow = { key, label: key };
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v === 'number') row[k] = v;
    }
    const label = LABEL_KEYS.map((k) => obj[k]).find((v) => typeof v === 'string');
    if (typeof label === 'string') row.label = label;
    rows.push(row);
  };
  if (Array.isArray(input)) {
    input.forEach((item, i) => {
      if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const key = LABEL_KEYS.slice(2)
          .map((k) => o[k])
          .find((v) => typeof v === 'string');
        pushObject(typeof key === 'string' ? key : String(i), o);
      }
    });
  } else if (input && typeof input === 'object') {
    for (const [key, v] of Object.entries(input as Record<string, unknown>)) {
      if (typeof v === 'number') rows.push({ key, label: key, count: v });
      else if (v && typeof v === 'object') pushObject(key, v as Record<string, unknown>);
    }
  }
  return rows;
}

/** The numeric metrics present in a breakdown, in a stable order. */
export function metricsOf(rows: BreakdownRow[]): string[] {
  const preferred = ['filed', 'resolved', 'open', 'breached', 'count'];
  const all = new Set<string>();
  rows.forEach((r) =>
    Object.keys(r).forEach((k) => k !== 'key' && k !== 'label' && typeof r[k] === 'number' && all.add(k)),
  );
  return [...preferred.filter((m) => all.has(m)), ...[...all].filter((m) => !preferred.includes(m)).sort()];
}

/** Rates may come as 0..1 or 0..100; null means "no data yet". */
export function asPercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return null;
  return Math.round((rate <= 1 ? rate * 100 : rate) * 10) / 10;
}
