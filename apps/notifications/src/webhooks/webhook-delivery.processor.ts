import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WEBHOOK_DELIVERY_QUEUE } from '@qifu/contracts';
import { createRedis, MESSAGING_OPTIONS, type MessagingOptions } from '@qifu/messaging';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { QueueFeeder } from '../dispatch/queue-feeder';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/**
 * BullMQ worker for webhook deliveries: retries with exponential backoff and jitter, up to
 * WEBHOOK_MAX_ATTEMPTS tries (counted in PostgreSQL, so a rebuilt job does not start over).
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Webhooks');
  private connection?: Redis;
  private workerConnection?: Redis;
  private queue?: Queue;
  private worker?: Worker<{ id: string }>;
  private feeder?: QueueFeeder;

  constructor(
    private readonly deliveries: WebhookDeliveriesService,
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = createRedis(this.options.redisUrl);
    this.connection.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    this.queue = new Queue(WEBHOOK_DELIVERY_QUEUE, { connection: this.connection, prefix: this.options.prefix });
    this.queue.on('error', (err: Error) => this.log.warn(`queue: ${err.message}`));
    this.workerConnection = createRedis(this.options.redisUrl);
    this.workerConnection.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    this.worker = new Worker<{ id: string }>(WEBHOOK_DELIVERY_QUEUE, (job) => this.handle(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.config.DELIVERY_CONCURRENCY,
    });
    this.worker.on('error', (err) => this.log.warn(`worker: ${err.message}`));
    await this.worker.waitUntilReady();
    this.feeder = new QueueFeeder({
      dataSource: this.dataSource,
      table: 'webhook_deliveries',
      queue: this.queue,
      jobName: 'deliver',
      jobOptions: {
        attempts: this.config.WEBHOOK_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_BACKOFF_MS, jitter: 0.5 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
      },
      log: this.log,
    });
    await this.feeder.start();
  }

  private async handle(job: Job<{ id: string }>): Promise<void> {
    const outcome = await this.deliveries.attempt(job.data.id);
    if (!outcome || outcome.status === 'succeeded') return;
    if (outcome.status === 'dead') throw new UnrecoverableError(`dead: ${outcome.detail}`);
    throw new Error(outcome.detail);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feeder?.stop();
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
    this.workerConnection?.disconnect();
  }
}
