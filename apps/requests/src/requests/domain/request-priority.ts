import type { Priority, RequestCategory } from '@qifu/contracts';

/** A critical or immediate-danger safety hazard is urgent by itself, whatever the company chose. */
export function effectivePriority(category: RequestCategory, requested: Priority | undefined, details: Record<string, unknown>): Priority {
  if (category === 'safety_hazard' && (details.severity === 'critical' || details.immediateDanger === true)) return 'urgent';
  return requested ?? 'normal';
}

/** `QF-<year>-<sequence of at least 6 digits>`. */
export function formatReferenceNo(year: number, sequence: number): string {
  return `QF-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The filing year in Beijing time (UTC+8, no daylight saving). */
export function beijingYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}
