import type { RequestStatus, Role } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a request's timeline. Append-only: a trigger refuses UPDATE and DELETE. */
@Entity('request_events')
export class RequestEvent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', generated: 'increment', insert: false })
  seq!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column('text')
  type!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The actor's display name when they acted (null for the system and for older entries). */
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: Role | 'system' | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: RequestStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus!: RequestStatus | null;

  @Column('text', { nullable: true })
  message!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  /** JSON; typed as `object` because TypeORM's deep partial types cannot recurse into JsonValue. */
  data!: object;

  @Column('boolean', { default: false })
  internal!: boolean;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
