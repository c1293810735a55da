import type { Priority, Rating, RequestCategory, RequestStatus, SlaState } from '@qifu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('requests')
export class Request {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'reference_no', type: 'text', unique: true })
  referenceNo!: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  /** The company's current name (set at filing, kept on rename). */
  @Column({ name: 'company_name', type: 'text', default: '' })
  companyName!: string;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedBy!: string;

  @Column('text')
  category!: RequestCategory;

  @Column('text')
  priority!: Priority;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('jsonb')
  /** JSON; typed as `object` because TypeORM's deep partial types cannot recurse into JsonValue. */
  details!: object;

  @Column('text')
  status!: RequestStatus;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId!: string | null;

  @Column({ name: 'response_due_at', type: 'timestamptz', nullable: true })
  responseDueAt!: Date | null;

  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true })
  resolutionDueAt!: Date | null;

  @Column({ name: 'sla_state', type: 'text', nullable: true })
  slaState!: SlaState | null;

  @Column('boolean', { default: false })
  breached!: boolean;

  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel!: number;

  @Column('text', { nullable: true })
  rating!: Rating | null;

  /** First acceptance (the response target). */
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** Latest resolution (the resolution target; a reworked case counts its last). */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** When the current assignment was made (assignment events may arrive out of order). */
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;
}
