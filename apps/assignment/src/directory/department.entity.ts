import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('departments')
export class Department {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { unique: true })
  code!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
