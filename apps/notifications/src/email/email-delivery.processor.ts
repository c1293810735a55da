import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EMAIL_DELIVERY_QUEUE } from '@qifu/contracts';
import { createRedis, MESSAGING_OPTIONS, type MessagingOptions } from '@qifu/messaging';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { QueueFeeder } from '../dispatch/queue-feeder';
import { EmailDeliveriesService } from './email-deliveries.service';

/** BullMQ worker for alert emails (only when SMTP_URL is set): backoff with jitter like webhooks. */
@Injectable()
export class EmailDeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Email');
  private connection?: Redis;
  private workerConnection?: Redis;
  private queue?: Queue;
  private worker?: Worker<{ id: string }>;
  private feeder?: QueueFeeder;

  constructor(
    private readonly emails: EmailDeliveriesService,
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.emails.enabled) {
      this.log.log('SMTP_URL is not set: email alerts are off');
      return;
    }
    this.connection = createRedis(this.options.redisUrl);
    this.connection.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    this.workerConnection = createRedis(this.options.redisUrl);
    this.workerConnection.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    this.queue = new Queue(EMAIL_DELIVERY_QUEUE, { connection: this.connection, prefix: this.options.prefix });
    this.queue.on('error', (err: Error) => this.log.warn(`queue: ${err.message}`));
    this.worker = new Worker<{ id: string }>(EMAIL_DELIVERY_QUEUE, (job) => this.handle(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.config.DELIVERY_CONCURRENCY,
    });
    this.worker.on('error', (err) => this.log.warn(`worker: ${err.message}`));
    await this.worker.waitUntilReady();
    this.feeder = new QueueFeeder({
      dataSource: this.dataSource,
      table: 'email_deliveries',
      queue: this.queue,
      jobName: 'send',
      jobOptions: {
        attempts: this.config.EMAIL_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_BACKOFF_MS, jitter: 0.5 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
      },
      log: this.log,
    });
    await this.feeder.start();
  }

  private async handle(job: Job<{ id: string }>): Promise<void> {
    const outcome = await this.emails.attempt(job.data.id);
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
