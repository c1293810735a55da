import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text search that stays fast with a million requests: trigram indexes serve `ILIKE '%…%'` for
 * Chinese and Latin text alike (no word splitting needed), plus indexes for the deadline sort and
 * the status filter. pg_trgm is a trusted extension: the database owner may create it.
 */
export class Search1764100000000 implements MigrationInterface {
  name = 'Search1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await q.query(`CREATE INDEX requests_title_trgm ON requests.requests USING gin (title public.gin_trgm_ops)`);
    await q.query(`CREATE INDEX requests_description_trgm ON requests.requests USING gin (description public.gin_trgm_ops)`);
    await q.query(`CREATE INDEX requests_reference_trgm ON requests.requests USING gin (reference_no public.gin_trgm_ops)`);
    await q.query(`CREATE INDEX requests_status ON requests.requests (status, created_at DESC)`);
    await q.query(`CREATE INDEX requests_resolution_due ON requests.requests (resolution_due_at) WHERE resolution_due_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'requests_title_trgm',
      'requests_description_trgm',
      'requests_reference_trgm',
      'requests_status',
      'requests_resolution_due',
    ]) {
      await q.query(`DROP INDEX requests.${name}`);
    }
  }
}
