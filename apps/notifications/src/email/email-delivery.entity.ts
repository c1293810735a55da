import type { NotificationLocale, NotificationType, WebhookDeliveryStatus } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One alert email to one reader, as rendered when the event was handled. */
@Entity('email_deliveries')
export class EmailDelivery {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column('text')
  locale!: NotificationLocale;

  @Column('text')
  type!: NotificationType;

  @Column('text')
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody!: string;

  /** Same life cycle as a webhook delivery: pending → retrying … → succeeded | dead. */
  @Column('text')
  status!: WebhookDeliveryStatus;

  @Column('int')
  attempts!: number;

  /** Bumped when an admin asks for the delivery again (its job id changes with it). */
  @Column('int')
  generation!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
