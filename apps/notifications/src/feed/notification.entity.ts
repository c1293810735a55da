import type { NotificationType, Role } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of someone's feed: addressed to a user, a company's users, or a role. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId!: string | null;

  @Column('text', { nullable: true })
  role!: Role | null;

  @Column('text')
  type!: NotificationType;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ name: 'reference_no', type: 'text', nullable: true })
  referenceNo!: string | null;

  @Column('text')
  message!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** Position in the live stream, set when the line is pushed (null until then). */
  @Column({ type: 'bigint', nullable: true })
  seq!: string | null;
}
