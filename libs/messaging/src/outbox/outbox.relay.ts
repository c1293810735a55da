import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_SUBSCRIBERS, INBOX_QUEUES, type EventEnvelope, type EventName, type ServiceName } from '@qifu/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PgListener } from '@qifu/database';
import { DataSource } from 'typeorm';
import { BatchLoop } from '../batch-loop';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { inboxJobs } from '../inbox/inbox-job';
import { createRedis } from '../redis';
import { outboxChannel } from './outbox.publisher';

const BATCH = 500;
export const INBOX_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 250 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
} as const;

interface Row {
  id: string;
  /** bigserial: node-pg returns it as a string. */
  seq: string;
  name: EventName;
  payload: unknown;
  occurred_at: Date;
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Moves committed outbox rows to each subscriber's inbox queue: one job per subscriber carries the
 * pass's events for it (inboxJobs: a re-send of the same events while their job exists is a no-op,
 * and the inbox dedupes the rest). Several replicas share the work through FOR UPDATE SKIP LOCKED.
 * Woken by the outbox table's NOTIFY at commit, with a slow poll as a backstop.
 * Also watches a marker key: when Redis comes back empty, recent events are sent again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private readonly queues = new Map<ServiceName, Queue>();
  private connection?: Redis;
  private listener?: PgListener;
  private pollTimer?: NodeJS.Timeout;
  private pruneTimer?: NodeJS.Timeout;
  private readonly loop = new BatchLoop(
    () => this.drainBatch(),
    BATCH,
    (err) => this.log.warn(`relay paused: ${err.message}`),
  );

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {
    this.log = new Logger(`OutboxRelay:${options.service}`);
  }

  private get markerKey(): string {
    return `${this.options.prefix}:qifu:redis-epoch:${this.options.service}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = createRedis(this.options.redisUrl, { maxRetriesPerRequest: 1 });
    this.connection.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    await this.connection.set(this.markerKey, new Date().toISOString(), 'NX');
    await this.listen();
    this.pollTimer = setInterval(() => {
      void this.checkRedisEpoch();
      this.kick();
    }, this.options.relayPollMs ?? 1_000);
    this.pruneTimer = setInterval(() => void this.prune().catch((err: Error) => this.log.warn(`prune: ${err.message}`)), PRUNE_EVERY_MS);
    this.kick();
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url ?? '';
    this.listener = new PgListener(
      url,
      outboxChannel(this.options.schema),
      () => this.kick(),
      (m) => this.log.warn(m),
    );
    await this.listener.start();
  }

  /** Runs a drain now, or right after the one in progress. */
  kick(): void {
    this.loop.kick();
  }

  private queueFor(service: ServiceName): Queue {
    let q = this.queues.get(service);
    if (!q) {
      q = new Queue(INBOX_QUEUES[service], { connection: this.connection!, prefix: this.options.prefix });
      q.on('error', (err: Error) => this.log.warn(`queue ${service}: ${err.message}`));
      this.queues.set(service, q);
    }
    return q;
  }

  private async send(rows: Row[]): Promise<void> {
    const bySubscriber = new Map<ServiceName, EventEnvelope[]>();
    for (const row of rows) {
      const envelope = {
        id: row.id,
        name: row.name,
        source: this.options.service,
        occurredAt: row.occurred_at.toISOString(),
        payload: row.payload,
      } as EventEnvelope;
      for (const sub of EVENT_SUBSCRIBERS[row.name] ?? []) {
        const list = bySubscriber.get(sub) ?? [];
        list.push(envelope);
        bySubscriber.set(sub, list);
      }
    }
    await Promise.all(
      [...bySubscriber].map(([sub, envelopes]) =>
        this.queueFor(sub).addBulk(
          inboxJobs(envelopes).map((j) => ({ name: j.name, data: j.data, opts: { ...INBOX_JOB_OPTIONS, jobId: j.jobId } })),
        ),
      ),
    );
  }

  /**
   * One statement takes a batch and marks it sent; the transaction commits only after Redis took
   * the jobs, so a failed send leaves the rows unsent (and a crash before commit sends them again).
   */
  private async drainBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE outbox SET published_at = now()
          WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, seq, name, payload, occurred_at`,
      )) as [Row[], number];
      if (rows.length === 0) return 0;
      // RETURNING keeps no order: the events go out in the order they were written.
      await this.send(rows.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq))));
      return rows.length;
    });
  }

  /** Redis lost its data (the marker is gone): send the recent events again; inboxes drop duplicates. */
  private async checkRedisEpoch(): Promise<void> {
    if (!this.connection || this.loop.isStopped) return;
    try {
      const created = await this.connection.set(this.markerKey, new Date().toISOString(), 'NX');
      if (created !== 'OK') return;
      const hours = this.options.replayHours ?? 24;
      const res = (await this.dataSource.query(
        `UPDATE outbox SET published_at = NULL WHERE published_at > now() - make_interval(hours => $1)`,
        [hours],
      )) as [unknown, number];
      this.log.warn(`Redis came back empty: re-sending ${res[1]} events of the last ${hours} h`);
      this.kick();
    } catch (err) {
      this.log.debug?.(`epoch check failed: ${(err as Error).message}`);
    }
  }

  /** Deletes published rows past twice the replay window, and inbox ids long after any replay (hourly). */
  async prune(): Promise<void> {
    const hours = (this.options.replayHours ?? 24) * 2;
    await this.dataSource.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`, [hours]);
    await this.dataSource.query(`DELETE FROM inbox WHERE handled_at < now() - make_interval(hours => $1)`, [hours * 7]);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.loop.stop();
    await this.listener?.stop();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}
