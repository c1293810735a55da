import type { RequestCategory, SlaClock, SlaState, SlaTarget } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One target (response, resolution or a plan milestone) of one request: its deadline and where it stands. */
@Entity('timers')
export class SlaTimer {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'reference_no', type: 'text' })
  referenceNo!: string;

  @Column('text')
  target!: SlaTarget;

  /** A milestone's title; null for response and resolution. */
  @Column('text', { nullable: true })
  label!: string | null;

  @Column({ name: 'policy_name', type: 'text' })
  policyName!: string;

  @Column({ name: 'calendar_id', type: 'text' })
  calendarId!: string;

  @Column('text')
  clock!: SlaClock;

  @Column('text')
  duration!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column('text')
  state!: SlaState;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ name: 'remaining_ms', type: 'bigint', nullable: true })
  remainingMs!: string | null;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  /** The request's category (for breach metrics); null on timers older than the column. */
  @Column('text', { nullable: true })
  category!: RequestCategory | null;
}
