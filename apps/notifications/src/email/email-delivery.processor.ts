import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EMAIL_DELIVERY_QUEUE } from '@qifu/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '@qifu/messaging';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { DeliveryLane } from '../dispatch/delivery-lane';
import { EmailDeliveriesService } from './email-deliveries.service';

/** BullMQ worker for alert emails (only when SMTP_URL is set): backoff with jitter like webhooks. */
@Injectable()
export class EmailDeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Email');
  private readonly lane: DeliveryLane;

  constructor(
    private readonly emails: EmailDeliveriesService,
    dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    @Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig,
  ) {
    this.lane = new DeliveryLane({
      queueName: EMAIL_DELIVERY_QUEUE,
      table: 'email_deliveries',
      jobName: 'send',
      attempts: config.EMAIL_MAX_ATTEMPTS,
      backoffMs: config.WEBHOOK_BACKOFF_MS,
      concurrency: config.DELIVERY_CONCURRENCY,
      redisUrl: options.redisUrl,
      prefix: options.prefix,
      dataSource,
      log: this.log,
      attempt: (id) => emails.attempt(id),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.emails.enabled) {
      this.log.log('SMTP_URL is not set: email alerts are off');
      return;
    }
    await this.lane.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.lane.stop();
  }
}
