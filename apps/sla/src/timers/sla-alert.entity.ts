import type { EscalationAudience } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertKind } from './domain/sla-plan';

/**
 * One instant a target must announce (warning, breach, escalation step). Raised exactly once:
 * `raised_at` is set under a row lock by whichever replica's job gets there first.
 */
@Entity('alerts')
export class SlaAlert {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'timer_id', type: 'uuid' })
  timerId!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column('text')
  kind!: AlertKind;

  @Column('int')
  level!: number;

  @Column('double precision', { nullable: true })
  fraction!: number | null;

  @Column('text', { nullable: true })
  notify!: EscalationAudience | null;

  /** Null while the target is paused. */
  @Column({ name: 'fire_at', type: 'timestamptz', nullable: true })
  fireAt!: Date | null;

  @Column({ name: 'raised_at', type: 'timestamptz', nullable: true })
  raisedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column('boolean', { default: false })
  late!: boolean;

  /** The Redis epoch in which a delayed job was queued for the current fire_at (null: not queued). */
  @Column({ name: 'queued_epoch', type: 'text', nullable: true })
  queuedEpoch!: string | null;
}
