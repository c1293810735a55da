import type { EscalationAudience, Priority, RequestCategory, SlaClock } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('policies')
export class SlaPolicy {
  @PrimaryColumn('text')
  name!: string;

  @Column({ name: 'match_category', type: 'text', nullable: true })
  matchCategory!: RequestCategory | null;

  @Column({ name: 'match_priority', type: 'text', nullable: true })
  matchPriority!: Priority | null;

  @Column({ name: 'calendar_id', type: 'text' })
  calendarId!: string;

  @Column({ name: 'response_duration', type: 'text' })
  responseDuration!: string;

  @Column({ name: 'response_clock', type: 'text' })
  responseClock!: SlaClock;

  @Column({ name: 'resolution_duration', type: 'text' })
  resolutionDuration!: string;

  @Column({ name: 'resolution_clock', type: 'text' })
  resolutionClock!: SlaClock;

  @Column({ name: 'warn_at', type: 'jsonb' })
  warnAt!: number[];

  @Column('jsonb')
  escalation!: { after: string; notify: EscalationAudience }[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
