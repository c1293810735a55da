import { createMessagingTables } from '@qifu/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'assignment');
    await q.query(`CREATE TABLE assignment.departments (
      id uuid PRIMARY KEY, name text NOT NULL, code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE assignment.users (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin','supervisor','officer','company')),
      department_id uuid NULL REFERENCES assignment.departments(id),
      company_id uuid NULL,
      supervisor_id uuid NULL REFERENCES assignment.users(id),
      categories text[] NOT NULL DEFAULT '{}',
      capacity int NOT NULL DEFAULT 20 CHECK (capacity >= 0),
      available boolean NOT NULL DEFAULT true,
      open_count int NOT NULL DEFAULT 0 CHECK (open_count >= 0),
      last_assigned_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX users_role ON assignment.users (role)`);
    await q.query(`CREATE INDEX users_company ON assignment.users (company_id) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE TABLE assignment.assignments (
      request_id uuid PRIMARY KEY,
      reference_no text NOT NULL,
      company_id uuid NOT NULL,
      liaison_officer_id uuid NULL,
      category text NOT NULL,
      priority text NOT NULL,
      state text NOT NULL CHECK (state IN ('waiting','assigned','released')),
      officer_id uuid NULL REFERENCES assignment.users(id),
      filed_at timestamptz NOT NULL,
      assigned_at timestamptz NULL)`);
    await q.query(`CREATE INDEX assignments_waiting ON assignment.assignments (category, filed_at) WHERE state = 'waiting'`);
    await q.query(`CREATE INDEX assignments_officer ON assignment.assignments (officer_id) WHERE state = 'assigned'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assignment.assignments');
    await q.query('DROP TABLE assignment.users');
    await q.query('DROP TABLE assignment.departments');
    await q.query('DROP TABLE assignment.outbox');
    await q.query('DROP TABLE assignment.inbox');
  }
}
