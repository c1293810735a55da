import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type RequestOptions } from '../../api/client';

/** A write to the admin API that refreshes the given lists afterwards. */
export function useAdminWrite<TBody, TResult = unknown>(
  method: NonNullable<RequestOptions['method']>,
  path: (body: TBody) => string,
  invalidate: QueryKey[],
  toBody: (body: TBody) => unknown = (b) => b,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TResult>(path(body), { method, body: toBody(body) }),
    onSuccess: () => Promise.all(invalidate.map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

/** Drops empty strings and undefined so optional fields are left out rather than sent blank. */
export function compact<T extends object>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(values) as [keyof T, T[keyof T]][]) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = (typeof v === 'string' ? v.trim() : v) as T[keyof T];
  }
  return out;
}
