import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a request was accepted and last resolved: what the on-time and response-met rates count. */
export class Ledger1764100000002 implements MigrationInterface {
  name = 'Ledger1764100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.requests ADD COLUMN accepted_at timestamptz NULL, ADD COLUMN resolved_at timestamptz NULL`);
    await q.query(`UPDATE requests.requests r SET
        accepted_at = (SELECT min(at) FROM requests.request_events e WHERE e.request_id = r.id AND e.type = 'accepted'),
        resolved_at = (SELECT max(at) FROM requests.request_events e WHERE e.request_id = r.id AND e.type = 'resolved')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.requests DROP COLUMN accepted_at, DROP COLUMN resolved_at`);
  }
}
