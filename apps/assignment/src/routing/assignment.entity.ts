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

  /** Set by a transfer to a department: only its officers may take the request. */
  @Column({ name: 'target_department_id', type: 'uuid', nullable: true })
  targetDepartmentId!: string | null;

  /** Set by a transfer to a named officer: the request waits for that officer. */
  @Column({ name: 'target_officer_id', type: 'uuid', nullable: true })
  targetOfficerId!: string | null;

  /** When the officer accepted it; until then an officer who becomes unavailable gives it back. */
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** The officer a transfer took it from, who does not get it straight back. */
  @Column({ name: 'previous_officer_id', type: 'uuid', nullable: true })
  previousOfficerId!: string | null;

  /** Taken back from this officer when they became unavailable before accepting (cleared by any later move). */
  @Column({ name: 'taken_back_from', type: 'uuid', nullable: true })
  takenBackFrom!: string | null;
}
