import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WEBHOOK_DELIVERY_QUEUE } from '@qifu/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '@qifu/messaging';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { DeliveryLane } from '../dispatch/delivery-lane';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/**
 * BullMQ worker for webhook deliveries: retries with exponential backoff and jitter, up to
 * WEBHOOK_MAX_ATTEMPTS tries (counted in PostgreSQL, so a rebuilt job does not start over).
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly lane: DeliveryLane;

  constructor(
    deliveries: WebhookDeliveriesService,
    dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    @Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig,
  ) {
    this.lane = new DeliveryLane({
      queueName: WEBHOOK_DELIVERY_QUEUE,
      table: 'webhook_deliveries',
      jobName: 'deliver',
      attempts: config.WEBHOOK_MAX_ATTEMPTS,
      backoffMs: config.WEBHOOK_BACKOFF_MS,
      concurrency: config.DELIVERY_CONCURRENCY,
      redisUrl: options.redisUrl,
      prefix: options.prefix,
      dataSource,
      log: new Logger('Webhooks'),
      attempt: (id) => deliveries.attempt(id),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.lane.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.lane.stop();
  }
}
