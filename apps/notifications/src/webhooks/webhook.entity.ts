import type { NotificationType, WebhookFormat } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('webhooks')
export class Webhook {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  url!: string;

  @Column({ type: 'text', array: true })
  events!: NotificationType[];

  /** Kept to sign bodies; never shown after creation. */
  @Column('text')
  secret!: string;

  @Column('text')
  format!: WebhookFormat;

  @Column('boolean')
  active!: boolean;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
