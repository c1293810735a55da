import { createMessagingTables } from '@qifu/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'requests');
    await q.query(`CREATE TABLE requests.companies (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      credit_code text NOT NULL UNIQUE,
      address text NULL, contact_name text NULL, contact_phone text NULL,
      liaison_officer_id uuid NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE requests.requests (
      id uuid PRIMARY KEY,
      reference_no text NOT NULL UNIQUE,
      company_id uuid NOT NULL REFERENCES requests.companies(id),
      filed_by uuid NOT NULL,
      category text NOT NULL,
      priority text NOT NULL,
      title text NOT NULL,
      description text NOT NULL,
      details jsonb NOT NULL,
      status text NOT NULL,
      assignee_id uuid NULL, assignee_name text NULL, department_id uuid NULL, supervisor_id uuid NULL,
      response_due_at timestamptz NULL, resolution_due_at timestamptz NULL,
      sla_state text NULL, breached boolean NOT NULL DEFAULT false, escalation_level int NOT NULL DEFAULT 0,
      rating text NULL,
      created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX requests_company ON requests.requests (company_id, created_at DESC)`);
    await q.query(`CREATE INDEX requests_assignee ON requests.requests (assignee_id, created_at DESC)`);
    await q.query(`CREATE INDEX requests_department ON requests.requests (department_id, created_at DESC)`);
    await q.query(`CREATE INDEX requests_created ON requests.requests (created_at DESC)`);
    await q.query(`CREATE TABLE requests.request_events (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      request_id uuid NOT NULL REFERENCES requests.requests(id),
      type text NOT NULL,
      actor_id uuid NULL, actor_role text NULL,
      from_status text NULL, to_status text NULL,
      message text NULL,
      data jsonb NOT NULL DEFAULT '{}',
      internal boolean NOT NULL DEFAULT false,
      at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX request_events_request ON requests.request_events (request_id, seq)`);
    await q.query(`CREATE FUNCTION requests.refuse_timeline_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the request timeline is append-only'; END $$`);
    await q.query(`CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON requests.request_events
      FOR EACH ROW EXECUTE FUNCTION requests.refuse_timeline_change()`);
    await q.query(`CREATE TABLE requests.reference_counters (year int PRIMARY KEY, last bigint NOT NULL)`);
    await q.query(`CREATE TABLE requests.idempotency_keys (
      actor_id uuid NOT NULL, key text NOT NULL, body_hash text NOT NULL,
      request_id uuid NULL, created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor_id, key))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['idempotency_keys', 'reference_counters', 'request_events', 'requests', 'companies', 'inbox', 'outbox']) {
      await q.query(`DROP TABLE requests.${t}`);
    }
    await q.query('DROP FUNCTION requests.refuse_timeline_change()');
  }
}
