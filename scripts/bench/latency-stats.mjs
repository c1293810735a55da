// Percentiles and summaries for the latency benchmarks.

/** The p-th percentile of an ascending array (NaN when empty). */
export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** The median file → assigned latency of the filings sent in each second of the run. */
export function bySecond(rows, sent, epoch0) {
  const seconds = [];
  for (const r of rows) {
    const at = sent.get(r.request_id);
    (seconds[Math.floor((at - epoch0) / 1000)] ??= []).push(r.assigned_at.getTime() - at);
  }
  return [...seconds].map((v) => (v ? Math.round(v.sort((a, b) => a - b)[Math.floor(v.length / 2)]) : '-'));
}

/** Several runs' file → assigned p50 and p99 side by side, with their medians. */
export function printRepeats(results) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p50s = results.map((r) => r.p50);
  const p99s = results.map((r) => r.p99);
  console.log(`\nfile → assigned over ${results.length} runs`);
  console.log(`  p50  ${p50s.map(fmt).join(', ')}  (median ${fmt(median(p50s))})`);
  console.log(`  p99  ${p99s.map(fmt).join(', ')}  (median ${fmt(median(p99s))})`);
}
