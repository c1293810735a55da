import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per event this service has handled: a second delivery of the same id changes nothing. */
@Entity('inbox')
export class InboxRecord {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column('text')
  name!: string;

  @Column({ name: 'handled_at', type: 'timestamptz' })
  handledAt!: Date;
}
