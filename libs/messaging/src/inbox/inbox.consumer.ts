import { preparedQuery } from '@qifu/database';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { eventsSubscribedBy, INBOX_QUEUES, type EventEnvelope, type EventName } from '@qifu/contracts';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { createRedis } from '../redis';
import { Batcher } from '../batcher';
import { eventRuns } from './event-runs';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import { OutboxRelay } from '../outbox/outbox.relay';
import { describeEvents, eventsOf, type InboxJobData } from './inbox-job';
import { type EventBatchHandlerFn, type EventHandlerFn, ON_EVENT, ON_EVENT_BATCH } from './on-event.decorator';

type AnyHandler = { batch: false; fn: EventHandlerFn<EventName> } | { batch: true; fn: EventBatchHandlerFn<EventName> };

/**
 * Consumes this service's inbox queue. Events run in transactions that first record their ids in the
 * inbox table: a duplicate (same id) is skipped, a failure rolls back both and BullMQ retries.
 * Events that arrive while a transaction runs share the next one (up to inboxBatch), which under load
 * saves a transaction, a commit and an inbox insert per event; if such a batch fails, each of its
 * events runs again alone, so only the failing one is retried.
 */
@Injectable()
export class InboxConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly handlers = new Map<EventName, AnyHandler>();
  private worker?: Worker<InboxJobData>;
  private workerConnection?: Redis;
  private readonly batcher: Batcher<EventEnvelope>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly outbox: OutboxPublisher,
    private readonly relay: OutboxRelay,
  ) {
    this.log = new Logger(`Inbox:${options.service}`);
    this.batcher = new Batcher<EventEnvelope>(
      {
        together: async (envelopes) => {
          await this.handle(envelopes);
          return envelopes.map(() => undefined);
        },
        alone: (envelope) => this.handle([envelope]),
      },
      options.inboxBatch ?? 50,
      (err, size) => this.log.debug?.(`a batch of ${size} failed (${(err as Error).message}): running each alone`),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    this.collectHandlers();
    return this.start();
  }

  private collectHandlers(): void {
    const found = new Map<EventName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object | null;
      if (!proto) continue;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const one = this.reflector.get<EventName | undefined>(ON_EVENT, fn as () => unknown);
        const batch = this.reflector.get<EventName | undefined>(ON_EVENT_BATCH, fn as () => unknown);
        const name = one ?? batch;
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${wrapper.name}.${method}`]);
        const bound = (fn as (...args: never[]) => Promise<void>).bind(instance);
        this.handlers.set(
          name,
          batch ? { batch: true, fn: bound as EventBatchHandlerFn<EventName> } : { batch: false, fn: bound as EventHandlerFn<EventName> },
        );
      }
    }
    const expected = eventsSubscribedBy(this.options.service);
    const problems: string[] = [];
    for (const name of expected) {
      const where = found.get(name) ?? [];
      if (where.length !== 1) problems.push(`${name}: ${where.length} handlers (${where.join(', ') || 'none'}), need exactly 1`);
    }
    for (const name of found.keys()) {
      if (!expected.includes(name)) problems.push(`${name}: handled here but not routed to ${this.options.service} (EVENT_SUBSCRIBERS)`);
    }
    if (problems.length > 0) {
      throw new Error(`${this.options.service} refuses to start, event handlers do not match the routing:\n  ${problems.join('\n  ')}`);
    }
  }

  private async start(): Promise<void> {
    this.workerConnection = createRedis(this.options.redisUrl);
    this.worker = new Worker<InboxJobData>(INBOX_QUEUES[this.options.service], (job) => this.take(eventsOf(job.data)), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.inboxConcurrency ?? 2 * (this.options.inboxBatch ?? 50),
      // A replica that dies mid-event (SIGKILL, OOM) leaves its jobs locked: they go back to the
      // queue once the lock lapses, within ~15 s rather than BullMQ's default ~60 s. Running one
      // again is harmless (the inbox row makes it a no-op if it had committed), so a job may stall
      // several times (repeated crashes) before BullMQ gives up on it.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 10,
    });
    this.worker.on('error', (err) => this.log.warn(`worker: ${err.message}`));
    this.worker.on('failed', (job, err) =>
      this.log.warn(
        `${job ? describeEvents(eventsOf(job.data)) : '?'} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`,
      ),
    );
    await this.worker.waitUntilReady();
  }

  /**
   * A job's events join the batches (in order); the job ends when all of them have run. If one
   * fails, the others are still handled, the job fails with the first error and its retry finds
   * the handled ones in the inbox table.
   */
  private async take(events: readonly EventEnvelope[]): Promise<void> {
    const results = await Promise.allSettled(events.map((e) => this.batcher.add(e)));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Runs the events in order in one transaction, skipping those already handled. The events the
   * handlers publish are sent as soon as it commits (OutboxRelay.sendNow), without waiting for the
   * next batch: the relay's wake-up and pass are not needed for them.
   */
  private async handle(envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const e of envelopes) if (!this.handlers.has(e.name)) throw new Error(`no handler for ${e.name}`);
    const published = await this.dataSource.transaction(async (manager) => {
      this.outbox.sendAfterCommit(manager);
      const inserted = (await preparedQuery(
        manager,
        `INSERT INTO inbox (event_id, name, handled_at) SELECT e.id, e.name, now() FROM unnest($1::uuid[], $2::text[]) AS e (id, name)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [envelopes.map((e) => e.id), envelopes.map((e) => e.name)],
      )) as { event_id: string }[];
      const fresh = new Set(inserted.map((r) => r.event_id));
      // delete: the same event twice in one batch runs once.
      const todo = envelopes.filter((e) => fresh.delete(e.id));
      for (const run of eventRuns(todo)) {
        const handler = this.handlers.get(run[0]!.name)!;
        if (handler.batch) {
          await handler.fn(
            run.map((envelope) => ({ payload: envelope.payload, envelope })),
            manager,
          );
        } else {
          for (const envelope of run) await handler.fn(envelope.payload, { manager, envelope });
        }
      }
      return this.outbox.committed(manager);
    });
    void this.relay.sendNow(published);
  }

  /**
   * Before the database closes (onApplicationShutdown; this module is global, and Nest closes
   * TypeORM's global module before it): the events in flight finish, then the relay sends and marks
   * what they published and stops. The relay stops here, after the inbox, because the inbox's
   * transactions hand their events to it.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    // BullMQ leaves a connection it was given open.
    this.workerConnection?.disconnect();
    await this.relay.stop();
  }
}
