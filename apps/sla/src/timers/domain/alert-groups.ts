/** One queued job: alerts due at the same instant (ms), at most a batch of them. */
export interface AlertGroup {
  fireAt: number;
  alertIds: string[];
}

/**
 * Groups alerts (sorted by instant) that fall due at the same millisecond into jobs of at most
 * `max`: a burst of 10 000 alerts due in one second becomes a few dozen queue jobs instead of
 * 10 000, while alerts at distinct instants keep a job each (each fires at its own time).
 */
export function groupByInstant(rows: readonly { id: string; fireAt: number }[], max: number): AlertGroup[] {
  const groups: AlertGroup[] = [];
  let current: AlertGroup | undefined;
  for (const r of rows) {
    if (!current || current.fireAt !== r.fireAt || current.alertIds.length >= max) {
      current = { fireAt: r.fireAt, alertIds: [] };
      groups.push(current);
    }
    current.alertIds.push(r.id);
  }
  return groups;
}

/** The job id: one alert keeps `alert-<id>-<instant>`, so queuing it twice is a no-op. */
export function groupJobId(g: AlertGroup): string {
  return g.alertIds.length === 1 ? `alert-${g.alertIds[0]}-${g.fireAt}` : `alerts-${g.fireAt}-${g.alertIds[0]}-${g.alertIds.length}`;
}
