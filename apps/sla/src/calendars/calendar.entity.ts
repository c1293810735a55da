import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A stored working calendar. For the built-in `cn-default` the date lists hold only the run-time
 * amendments; the State Council data comes from chinese-days and is layered under them.
 */
@Entity('calendars')
export class CalendarRow {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  timezone!: string;

  @Column({ name: 'working_hours', type: 'jsonb' })
  workingHours!: { weekday: number; open: string; close: string }[];

  @Column('jsonb')
  holidays!: string[];

  @Column('jsonb')
  workdays!: string[];

  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn!: boolean;

  /** Bumped on every change; compiled calendars are cached by (id, version). */
  @Column('int')
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
