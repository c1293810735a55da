import type { EventEnvelope } from '@qifu/contracts';

/**
 * Splits a batch into runs that a batch handler can take at once: consecutive events of the same
 * name, none concerning a request already in the run (two events of one request in a set-wise
 * statement would be applied in no defined order). Order is kept: runs are in arrival order.
 */
export function eventRuns(envelopes: readonly EventEnvelope[]): EventEnvelope[][] {
  const runs: EventEnvelope[][] = [];
  let current: EventEnvelope[] = [];
  let requests = new Set<string>();
  for (const e of envelopes) {
    const requestId = (e.payload as { requestId?: unknown }).requestId;
    const key = typeof requestId === 'string' ? requestId : undefined;
    const fits = current.length > 0 && current[0]!.name === e.name && (key === undefined || !requests.has(key));
    if (!fits && current.length > 0) {
      runs.push(current);
      current = [];
      requests = new Set();
    }
    current.push(e);
    if (key !== undefined) requests.add(key);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
