import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Lateness buckets (seconds): the target is under 1 s, so the buckets are fine below it. */
export const LATENESS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 2, 5, 10, 30, 60, 300, 3600];

/**
 * The SLA service's Prometheus metrics. Counters and the histogram count what this replica raised;
 * the gateway sums them over replicas. The gauges are read from PostgreSQL, so every replica reports
 * the same figure and the gateway keeps the largest (aggregator `max`).
 */
@Injectable()
export class SlaMetrics {
  readonly registry = new Registry();

  readonly openTimers = new Gauge({
    name: 'qifu_sla_open_timers',
    help: 'Targets still counting (running) or paused, by target, from PostgreSQL',
    labelNames: ['state', 'target'] as const,
    registers: [this.registry],
    aggregator: 'max',
  });

  readonly oldestDueLag = new Gauge({
    name: 'qifu_sla_oldest_due_unraised_seconds',
    help: 'How long ago the oldest alert instant passed that is not raised yet (0: none). Alert on this: a Redis ping can look healthy while workers are stuck',
    registers: [this.registry],
    aggregator: 'max',
  });

  readonly dueUnraised = new Gauge({
    name: 'qifu_sla_due_unraised_alerts',
    help: 'Alerts whose instant has passed and that are not raised yet',
    registers: [this.registry],
    aggregator: 'max',
  });

  readonly lateness = new Histogram({
    name: 'qifu_sla_alert_lateness_seconds',
    help: 'Time from an alert instant (warning, breach, escalation) to its raise, in seconds',
    labelNames: ['kind'] as const,
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });

  readonly breaches = new Counter({
    name: 'qifu_sla_breaches_total',
    help: 'Targets breached, by request category and target',
    labelNames: ['category', 'target'] as const,
    registers: [this.registry],
  });

  readonly raised = new Counter({
    name: 'qifu_sla_alerts_raised_total',
    help: 'Alerts raised, by kind and whether they were late (more than 1 s after the instant)',
    labelNames: ['kind', 'late'] as const,
    registers: [this.registry],
  });

  observeRaise(r: { kind: string; lateMs: number; late: boolean; category: string | null; target: string }): void {
    this.lateness.observe({ kind: r.kind }, Math.max(r.lateMs, 0) / 1000);
    this.raised.inc({ kind: r.kind, late: String(r.late) });
    if (r.kind === 'breach') this.breaches.inc({ category: r.category ?? 'unknown', target: r.target });
  }
}
