import type { Priority, RequestCategory } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AssignmentState = 'waiting' | 'assigned' | 'released';

/** Where one request stands for routing: waiting for capacity, held by an officer, or released. */
@Entity('assignments')
export class Assignment {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'reference_no', type: 'text' })
  referenceNo!: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  @Column({ name: 'liaison_officer_id', type: 'uuid', nullable: true })
  liaisonOfficerId!: string | null;

  @Column('text')
  category!: RequestCategory;

  @Column('text')
  priority!: Priority;

  @Column('text')
  state!: AssignmentState;

  @Column({ name: 'officer_id', type: 'uuid', nullable: true })
  officerId!: string | null;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt!: Date;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;
}
