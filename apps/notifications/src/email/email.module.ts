import { Module } from '@nestjs/common';
import { EmailDeliveriesService } from './email-deliveries.service';
import { EmailDeliveryProcessor } from './email-delivery.processor';

/** Alert emails in the reader's language through SMTP_URL. */
@Module({ providers: [EmailDeliveriesService, EmailDeliveryProcessor], exports: [EmailDeliveriesService] })
export class EmailModule {}
