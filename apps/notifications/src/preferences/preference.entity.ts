import type { NotificationChannel, NotificationLocale, NotificationType, Role } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One user's notification settings; the role and company say which shared lines (role, company) reach them. */
@Entity('preferences')
export class Preference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column('text')
  role!: Role;

  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId!: string | null;

  @Column({ name: 'muted_types', type: 'text', array: true })
  mutedTypes!: NotificationType[];

  @Column({ name: 'muted_channels', type: 'text', array: true })
  mutedChannels!: NotificationChannel[];

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column('text')
  locale!: NotificationLocale;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
