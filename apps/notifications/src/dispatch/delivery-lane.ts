import type { Logger } from '@nestjs/common';
import type { WebhookDeliveryStatus } from '@qifu/contracts';
import { createRedis } from '@qifu/messaging';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { QueueFeeder } from './queue-feeder';

/** What one try of a delivery came to (null: nothing left to do). */
export type DeliveryAttempt = (id: string) => Promise<{ status: WebhookDeliveryStatus; detail: string } | null>;

export interface DeliveryLaneOptions {
  /** BullMQ queue, delivery table (see QueueFeeder) and job name. */
  queueName: string;
  table: string;
  jobName: string;
  attempts: number;
  backoffMs: number;
  concurrency: number;
  redisUrl: string;
  prefix: string;
  dataSource: DataSource;
  log: Logger;
  attempt: DeliveryAttempt;
}

/**
 * One kind of outside delivery (webhook posts, emails): its BullMQ queue and worker, fed from its
 * delivery table by a QueueFeeder. A failed try is retried with exponential backoff and jitter up to
 * `attempts`; a `dead` outcome stops at once.
 */
export class DeliveryLane {
  private connection?: Redis;
  private workerConnection?: Redis;
  private queue?: Queue;
  private worker?: Worker<{ id: string }>;
  private feeder?: QueueFeeder;

  constructor(private readonly o: DeliveryLaneOptions) {}

  async start(): Promise<void> {
    const { log, prefix } = this.o;
    this.connection = createRedis(this.o.redisUrl);
    this.connection.on('error', (err: Error) => log.warn(`redis: ${err.message}`));
    this.queue = new Queue(this.o.queueName, { connection: this.connection, prefix });
    this.queue.on('error', (err: Error) => log.warn(`queue: ${err.message}`));
    this.workerConnection = createRedis(this.o.redisUrl);
    this.workerConnection.on('error', (err: Error) => log.warn(`redis: ${err.message}`));
    this.worker = new Worker<{ id: string }>(this.o.queueName, (job) => this.handle(job), {
      connection: this.workerConnection,
      prefix,
      concurrency: this.o.concurrency,
    });
    this.worker.on('error', (err) => log.warn(`worker: ${err.message}`));
    await this.worker.waitUntilReady();
    this.feeder = new QueueFeeder({
      dataSource: this.o.dataSource,
      table: this.o.table,
      queue: this.queue,
      jobName: this.o.jobName,
      jobOptions: {
        attempts: this.o.attempts,
        backoff: { type: 'exponential', delay: this.o.backoffMs, jitter: 0.5 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
      },
      log,
    });
    await this.feeder.start();
  }

  private async handle(job: Job<{ id: string }>): Promise<void> {
    const outcome = await this.o.attempt(job.data.id);
    if (!outcome || outcome.status === 'succeeded') return;
    if (outcome.status === 'dead') throw new UnrecoverableError(`dead: ${outcome.detail}`);
    throw new Error(outcome.detail);
  }

  async stop(): Promise<void> {
    await this.feeder?.stop();
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
    this.workerConnection?.disconnect();
  }
}
