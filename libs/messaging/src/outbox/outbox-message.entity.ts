import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting to be relayed (and kept a while after, so a flushed Redis can be refilled). */
@Entity('outbox')
@Index('outbox_unpublished', ['seq'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', generated: 'increment', insert: false })
  seq!: string;

  @Column('text')
  name!: string;

  @Column('jsonb')
  payload!: unknown;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Set while the writer sends the row itself (OutboxRelay.sendNow): the relay takes it only after. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;
}
