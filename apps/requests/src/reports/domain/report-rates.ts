import type { ReportLine } from '@qifu/contracts';

/** What one group of requests counts (SQL aggregates, one row per group). */
export interface ReportCounts {
  filed: number;
  resolved: number;
  open: number;
  breached: number;
  /** Resolved, and the last resolution was at or before the resolution deadline. */
  resolvedOnTime: number;
  accepted: number;
  /** Accepted at or before the response deadline. */
  acceptedOnTime: number;
  rated: number;
  good: number;
}

/** A rate, or null when nothing was counted (a manager must see "no data", never a fake 0 % or 100 %). */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

export function toReportLine(c: ReportCounts): Omit<ReportLine, 'key' | 'label'> {
  return {
    filed: c.filed,
    resolved: c.resolved,
    open: c.open,
    breached: c.breached,
    rated: c.rated,
    onTimeResolutionRate: rate(c.resolvedOnTime, c.resolved),
    responseMetRate: rate(c.acceptedOnTime, c.accepted),
    satisfactionRate: rate(c.good, c.rated),
  };
}

export function sumCounts(rows: readonly ReportCounts[]): ReportCounts {
  const total: ReportCounts = {
    filed: 0,
    resolved: 0,
    open: 0,
    breached: 0,
    resolvedOnTime: 0,
    accepted: 0,
    acceptedOnTime: 0,
    rated: 0,
    good: 0,
  };
  for (const r of rows) for (const k of Object.keys(total) as (keyof ReportCounts)[]) total[k] += r[k];
  return total;
}
