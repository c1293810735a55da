import type { Logger } from '@nestjs/common';
import { PgListener } from '@qifu/database';
import { BatchLoop } from '@qifu/messaging';
import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

/** NOTIFY channel: delivery rows (webhook, email) committed, the feeders should queue them. */
export const DELIVERIES_CHANNEL = 'qifu_notifications_deliveries';

const BATCH = 500;
const POLL_MS = 1_000;
const RECONCILE_MS = 60_000;
const PRUNE_MS = 3_600_000;
/** Finished deliveries (succeeded or dead) stay in the log this long. */
export const DELIVERY_LOG_DAYS = 30;

export interface QueueFeederOptions {
  dataSource: DataSource;
  /** A table with id, generation, status (pending|retrying|…), enqueued_at, created_at, updated_at. */
  table: string;
  queue: Queue;
  jobName: string;
  jobOptions: JobsOptions;
  log: Logger;
}

/**
 * Moves committed delivery rows to their BullMQ queue (job id = row id, so a re-send is a no-op), the
 * outbox way: the row is the truth, the job only carries it. Woken by NOTIFY, with a slow poll; every
 * minute, rows still open but quiet are offered again, which rebuilds jobs Redis lost.
 */
export class QueueFeeder {
  private listener?: PgListener;
  private timers: NodeJS.Timeout[] = [];
  private readonly loop: BatchLoop;

  constructor(private readonly o: QueueFeederOptions) {
    this.loop = new BatchLoop(
      () => this.drainBatch(),
      BATCH,
      (err) => this.o.log.warn(`queueing paused: ${err.message}`),
    );
  }

  async start(): Promise<void> {
    const url = (this.o.dataSource.options as { url?: string }).url ?? '';
    this.listener = new PgListener(
      url,
      DELIVERIES_CHANNEL,
      () => this.kick(),
      (m) => this.o.log.warn(m),
    );
    await this.listener.start();
    this.timers.push(setInterval(() => this.kick(), POLL_MS));
    this.timers.push(
      setInterval(() => void this.reconcile().catch((e: Error) => this.o.log.warn(`reconcile: ${e.message}`)), RECONCILE_MS),
    );
    this.timers.push(setInterval(() => void this.prune().catch((e: Error) => this.o.log.warn(`prune: ${e.message}`)), PRUNE_MS));
    this.kick();
  }

  kick(): void {
    this.loop.kick();
  }

  /** Job id = row id (plus the generation once an admin asked for a new delivery: the old job may still be kept). */
  private async add(rows: { id: string; generation: number }[]): Promise<void> {
    await this.o.queue.addBulk(
      rows.map((r) => ({
        name: this.o.jobName,
        data: { id: r.id },
        opts: { ...this.o.jobOptions, jobId: r.generation > 0 ? `${r.id}-g${r.generation}` : r.id },
      })),
    );
  }

  private async drainBatch(): Promise<number> {
    return this.o.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT id, generation FROM ${this.o.table} WHERE status = 'pending' AND enqueued_at IS NULL
          ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      )) as { id: string; generation: number }[];
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await this.add(rows);
      await m.query(`UPDATE ${this.o.table} SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      return ids.length;
    });
  }

  /** Open rows nobody touched for two minutes: offer their jobs again (a no-op while the job exists). */
  async reconcile(): Promise<void> {
    const rows = (await this.o.dataSource.query(
      `SELECT id, generation FROM ${this.o.table} WHERE status IN ('pending', 'retrying') AND enqueued_at IS NOT NULL
          AND updated_at < now() - interval '2 minutes' AND enqueued_at < now() - interval '2 minutes'
        ORDER BY created_at LIMIT 1000`,
    )) as { id: string; generation: number }[];
    if (rows.length > 0) await this.add(rows);
  }

  /** Deletes finished deliveries older than DELIVERY_LOG_DAYS (hourly). */
  async prune(): Promise<void> {
    await this.o.dataSource.query(
      `DELETE FROM ${this.o.table} WHERE status IN ('succeeded', 'dead') AND updated_at < now() - make_interval(days => $1)`,
      [DELIVERY_LOG_DAYS],
    );
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.loop.stop();
    await this.listener?.stop();
  }
}
