import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SLA_ALERT_QUEUE } from '@qifu/contracts';
import { PgListener } from '@qifu/database';
import { createRedis } from '@qifu/messaging';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { SLA_CONFIG } from '../config/sla.tokens';
import type { SlaConfig } from '../config/sla.config';
import { SlaMetrics } from '../metrics/sla-metrics';
import { type AlertGroup, groupByInstant, groupJobId } from './domain/alert-groups';
import { MicroBatcher } from './micro-batcher';
import { type AlertJob, type RaiseResult, SlaAlertProcessor } from './sla-alert.processor';
import { SLA_ALERTS_CHANNEL } from './sla-timers.service';

const SWEEP_BATCH = 5_000;
/** Jobs in flight per replica, gathered into raise transactions of at most RAISE_BATCH alerts. */
const WORKER_CONCURRENCY = 256;
const RAISE_BATCH = 200;
const RAISE_WAIT_MS = 5;
const JOB_RETRY = { attempts: 20, backoff: { type: 'exponential', delay: 200 } } as const;

/**
 * Deadlines live in PostgreSQL; only alerts due within the near window sit in Redis as delayed
 * BullMQ jobs. A sweep (on NOTIFY at commit of a timer with an alert in the window, and every
 * SLA_SWEEP_MS) queues the alerts of the window not yet queued in the current Redis epoch. The epoch
 * is a marker key: when Redis loses its data the marker is gone, a new epoch starts, and every
 * pending alert is queued again. Overdue alerts (the service was down) are queued with no delay and
 * raised at once, flagged late.
 */
@Injectable()
export class SlaAlertScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('SlaAlertScheduler');
  private queue?: Queue<AlertGroup | AlertJob>;
  private worker?: Worker<AlertGroup | AlertJob>;
  private redis?: Redis;
  private workerConnection?: Redis;
  private listener?: PgListener;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private again = false;
  private stopped = false;
  /** The overdue check runs at most once per SLA_SWEEP_MS, not on every NOTIFY. */
  private lastRetry = 0;
  private readonly batcher = new MicroBatcher<AlertJob, RaiseResult>((jobs) => this.processor.raiseMany(jobs), RAISE_BATCH, RAISE_WAIT_MS);

  constructor(
    @Inject(SLA_CONFIG) private readonly config: SlaConfig,
    private readonly dataSource: DataSource,
    private readonly processor: SlaAlertProcessor,
    private readonly metrics: SlaMetrics,
  ) {}

  private get epochKey(): string {
    return `${this.config.QUEUE_PREFIX}:qifu:sla-epoch`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { REDIS_URL: url, QUEUE_PREFIX: prefix } = this.config;
    this.redis = createRedis(url, { maxRetriesPerRequest: 1 });
    this.redis.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    this.queue = new Queue<AlertGroup | AlertJob>(SLA_ALERT_QUEUE, { connection: this.redis, prefix });
    this.queue.on('error', (err: Error) => this.log.warn(`queue: ${err.message}`));
    this.workerConnection = createRedis(url);
    this.worker = new Worker<AlertGroup | AlertJob>(SLA_ALERT_QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix,
      concurrency: WORKER_CONCURRENCY,
      removeOnComplete: { age: 600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    });
    this.worker.on('error', (err) => this.log.warn(`worker: ${err.message}`));
    await this.worker.waitUntilReady();
    const url2 = (this.dataSource.options as { url?: string }).url ?? '';
    this.listener = new PgListener(
      url2,
      SLA_ALERTS_CHANNEL,
      () => this.kick(),
      (msg) => this.log.warn(msg),
    );
    await this.listener.start();
    this.timer = setInterval(() => this.kick(), this.config.SLA_SWEEP_MS);
    this.kick();
  }

  /** A job carries the alerts due at one instant (older jobs: a single `alertId`). */
  private async process(job: Job<AlertGroup | AlertJob>): Promise<void> {
    const { fireAt } = job.data;
    const ids = 'alertIds' in job.data ? job.data.alertIds : [job.data.alertId];
    const results = await Promise.all(ids.map((alertId) => this.batcher.add({ alertId, fireAt })));
    const early: string[] = [];
    results.forEach((result, i) => {
      if (result.outcome === 'raised') this.metrics.observeRaise(result);
      if (result.outcome === 'early') early.push(ids[i]!);
    });
    if (early.length > 0) {
      // Fired before its instant (clock skew between hosts): queue them again for the rest.
      await this.queue?.add(
        'alert',
        { fireAt, alertIds: early },
        { jobId: `alerts-${fireAt}-r${randomUUID()}`, delay: Math.max(fireAt - Date.now(), 1), ...JOB_RETRY },
      );
    }
  }

  kick(): void {
    if (this.stopped) return;
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.sweep()) === SWEEP_BATCH) {
            /* more in the window */
          }
          if (Date.now() - this.lastRetry >= this.config.SLA_SWEEP_MS) {
            this.lastRetry = Date.now();
            await this.retryOverdue();
          }
        } catch (err) {
          this.log.warn(`sweep failed: ${(err as Error).message}`);
        }
      } while (this.again && !this.stopped);
      this.sweeping = undefined;
    })();
  }

  private async epoch(): Promise<string> {
    const fresh = randomUUID();
    const set = await this.redis!.set(this.epochKey, fresh, 'NX');
    if (set === 'OK') return fresh;
    return (await this.redis!.get(this.epochKey)) ?? fresh;
  }

  /** Queues one batch of pending alerts of the window; returns how many. */
  private async sweep(): Promise<number> {
    const epoch = await this.epoch();
    const windowMs = this.config.SLA_WINDOW_SECONDS * 1000;
    return this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT a.id, a.fire_at FROM alerts a JOIN timers t ON t.id = a.timer_id
          WHERE a.raised_at IS NULL AND a.cancelled_at IS NULL AND a.fire_at IS NOT NULL
            AND a.fire_at <= now() + make_interval(secs => $1) AND t.state IN ('running', 'breached')
            AND a.queued_epoch IS DISTINCT FROM $2
          ORDER BY a.fire_at LIMIT ${SWEEP_BATCH} FOR UPDATE OF a SKIP LOCKED`,
        [windowMs / 1000, epoch],
      )) as { id: string; fire_at: Date }[];
      if (rows.length === 0) return 0;
      const now = Date.now();
      const groups = groupByInstant(
        rows.map((r) => ({ id: r.id, fireAt: r.fire_at.getTime() })),
        RAISE_BATCH,
      );
      await this.queue!.addBulk(
        groups.map((g) => ({
          name: 'alert',
          data: g,
          opts: { jobId: groupJobId(g), delay: Math.max(g.fireAt - now, 0), ...JOB_RETRY },
        })),
      );
      await m.query('UPDATE alerts SET queued_epoch = $2 WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id), epoch]);
      return rows.length;
    });
  }

  /**
   * Safety net: an alert long past its instant, queued in this epoch but still not raised, lost its
   * job (it failed every attempt, or was removed). Queue it again under a new job id, at most once
   * per SLA_RETRY_AFTER_SECONDS; raising is idempotent, so a retry that races the original is harmless.
   */
  private async retryOverdue(): Promise<void> {
    const after = this.config.SLA_RETRY_AFTER_SECONDS;
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.fire_at FROM alerts a JOIN timers t ON t.id = a.timer_id
        WHERE a.raised_at IS NULL AND a.cancelled_at IS NULL AND a.fire_at IS NOT NULL
          AND a.fire_at < now() - make_interval(secs => $1) AND t.state IN ('running', 'breached')
          AND a.queued_epoch IS NOT NULL
        ORDER BY a.fire_at LIMIT ${SWEEP_BATCH}`,
      [after],
    )) as { id: string; fire_at: Date }[];
    if (rows.length === 0) return;
    const round = Math.floor(Date.now() / (after * 1000));
    this.log.warn(`${rows.length} alert(s) overdue by more than ${after} s and not raised: queued again`);
    await this.queue!.addBulk(
      rows.map((r) => ({
        name: 'alert',
        data: { fireAt: r.fire_at.getTime(), alertIds: [r.id] },
        opts: { jobId: `alert-${r.id}-${r.fire_at.getTime()}-retry${round}`, ...JOB_RETRY },
      })),
    );
  }

  /** Before the outbox relay stops (it sends what this publishes) and the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
    await this.listener?.stop();
    await this.worker?.close();
    await this.queue?.close();
    this.workerConnection?.disconnect();
    this.redis?.disconnect();
  }
}
