import { Module } from '@nestjs/common';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Outside systems told of notifications: admin CRUD, signed deliveries with retries, the delivery log. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveriesService, WebhookDeliveryProcessor],
  exports: [WebhookDeliveriesService],
})
export class WebhooksModule {}
