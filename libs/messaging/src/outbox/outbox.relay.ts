import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_SUBSCRIBERS, INBOX_QUEUES, type EventEnvelope, type EventName, type ServiceName } from '@qifu/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PgListener, preparedQuery } from '@qifu/database';
import { DataSource } from 'typeorm';
import { BatchLoop } from '../batch-loop';
import { Batcher } from '../batcher';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { inboxJobs } from '../inbox/inbox-job';
import { createRedis } from '../redis';
import { type LeasedOutboxRow, outboxChannel } from './outbox.publisher';

const BATCH = 500;
/** Most events marked sent by one statement after their writer sent them (sendNow). */
const MARK_BATCH = 1_000;
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

/** An event to send: what the subscribers' envelopes carry. */
type Sendable = Pick<LeasedOutboxRow, 'id' | 'occurredAt'> & { name: string; payload: unknown };

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Moves committed outbox rows to each subscriber's inbox queue: one job per subscriber carries the
 * pass's events for it (inboxJobs: a re-send of the same events while their job exists is a no-op,
 * and the inbox dedupes the rest). Several replicas share the work through FOR UPDATE SKIP LOCKED.
 * Woken by the outbox table's NOTIFY at commit, with a slow poll as a backstop.
 * Also watches a marker key: when Redis comes back empty, recent events are sent again.
 * A writer on a hot path may send its events itself right after writing them (sendNow): they are
 * written with a lease, which keeps the relay off them unless the writer fails to send them.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private readonly queues = new Map<ServiceName, Queue>();
  private connection?: Redis;
  private listener?: PgListener;
  private pollTimer?: NodeJS.Timeout;
  private pruneTimer?: NodeJS.Timeout;
  private readonly sending = new Set<Promise<void>>();
  private stopping?: Promise<void>;
  private readonly loop = new BatchLoop(
    () => this.drainBatch(),
    BATCH,
    (err) => this.log.warn(`relay paused: ${err.message}`),
  );
  private readonly marks = new Batcher<string>(
    {
      together: async (ids) => {
        await this.markSent(ids);
        return ids.map(() => undefined);
      },
      alone: (id) => this.markSent([id]),
    },
    MARK_BATCH,
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

  private async send(rows: readonly Sendable[]): Promise<void> {
    const bySubscriber = new Map<ServiceName, EventEnvelope[]>();
    for (const row of rows) {
      const envelope = {
        id: row.id,
        name: row.name,
        source: this.options.service,
        occurredAt: row.occurredAt.toISOString(),
        payload: row.payload,
      } as EventEnvelope;
      for (const sub of EVENT_SUBSCRIBERS[row.name as EventName] ?? []) {
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
   * Sends events its writer has just committed with a lease (OutboxPublisher.leasedRows), without
   * waiting for the relay's wake-up and pass; they are marked sent a moment later, several writes in
   * one statement. Never throws: if Redis does not take them, the lease is lifted and the relay sends
   * them; if even that fails, the relay takes them when the lease runs out.
   */
  sendNow(rows: readonly LeasedOutboxRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    // stop() waits for the sends in flight before it closes the connection.
    const sending = this.sendNowUntracked(rows).finally(() => this.sending.delete(sending));
    this.sending.add(sending);
    return sending;
  }

  private async sendNowUntracked(rows: readonly LeasedOutboxRow[]): Promise<void> {
    const ids = rows.map((r) => r.id);
    try {
      if (!this.connection) throw new Error('not connected to Redis yet');
      await this.send(rows);
    } catch (err) {
      this.log.warn(`sending ${rows.length} event(s) at once failed (${(err as Error).message}): the relay sends them`);
      await this.dataSource
        .query('UPDATE outbox SET lease_until = NULL WHERE id = ANY($1::uuid[]) AND published_at IS NULL', [ids])
        .then(() => this.kick())
        .catch(() => undefined);
      return;
    }
    for (const id of ids)
      void this.marks.add(id).catch((e: Error) => this.log.warn(`marking sent: ${e.message} (sent again after the lease)`));
  }

  /** Marks events sent by their writer; one whose lease was lifted meanwhile (Redis came back empty) is left for the relay. */
  private async markSent(ids: readonly string[]): Promise<void> {
    await preparedQuery(
      this.dataSource.manager,
      'UPDATE outbox SET published_at = now(), lease_until = NULL WHERE id = ANY($1::uuid[]) AND lease_until IS NOT NULL',
      [ids],
    );
  }

  /**
   * One statement takes a batch and marks it sent; the transaction commits only after Redis took
   * the jobs, so a failed send leaves the rows unsent (and a crash before commit sends them again).
   */
  private async drainBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // A row under a lease is being sent by its writer; once the lease has run out it is the relay's.
      const [rows] = (await preparedQuery(
        manager,
        `UPDATE outbox SET published_at = now(), lease_until = NULL
          WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, seq, name, payload, occurred_at`,
      )) as [Row[], number];
      if (rows.length === 0) return 0;
      // RETURNING keeps no order: the events go out in the order they were written.
      await this.send(
        rows
          .sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)))
          .map((r) => ({ id: r.id, name: r.name, payload: r.payload, occurredAt: r.occurred_at })),
      );
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
      // Events being sent by their writer may have gone to the Redis that was lost: the relay sends them too.
      const res = (await this.dataSource.query(
        `UPDATE outbox SET published_at = NULL, lease_until = NULL
          WHERE published_at > now() - make_interval(hours => $1) OR lease_until IS NOT NULL`,
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

  /**
   * Stops after finishing what it has: the pass in progress, the events their writers are sending
   * (sendNow) and their marking, then one last pass for the rows committed meanwhile (a NOTIFY that
   * came while stopping, or a lease lifted after a failed send). The inbox calls it once its last
   * events have run (InboxConsumer.beforeApplicationShutdown), while the database is still open;
   * later calls wait for the same stop.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.pollTimer) clearInterval(this.pollTimer);
      if (this.pruneTimer) clearInterval(this.pruneTimer);
      await this.loop.stop();
      await Promise.all(this.sending);
      await this.marks.idle();
      await this.lastPass();
      await this.listener?.stop();
      await Promise.all([...this.queues.values()].map((q) => q.close()));
      this.connection?.disconnect();
    })();
    return this.stopping;
  }

  private async lastPass(): Promise<void> {
    try {
      while ((await this.drainBatch()) === BATCH) {
        /* keep going */
      }
    } catch (err) {
      this.log.warn(`last pass before stopping failed (${(err as Error).message}): the rows left are sent at the next start`);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }
}
