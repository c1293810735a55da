import type { NotificationType, WebhookAttemptView, WebhookDeliveryStatus } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event for one webhook: the body as signed, its state and every try. */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column('text')
  type!: NotificationType;

  @Column('text')
  body!: string;

  @Column('text')
  status!: WebhookDeliveryStatus;

  @Column('int')
  attempts!: number;

  /** Bumped when an admin asks for the delivery again (its job id changes with it). */
  @Column('int')
  generation!: number;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column('jsonb')
  log!: WebhookAttemptView[];

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
