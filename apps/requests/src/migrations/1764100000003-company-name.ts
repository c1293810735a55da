import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The company's name on each request, so lists show it without a lookup per row (kept on rename). */
export class CompanyName1764100000003 implements MigrationInterface {
  name = 'CompanyName1764100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.requests ADD COLUMN company_name text NOT NULL DEFAULT ''`);
    await q.query(`UPDATE requests.requests r SET company_name = c.name FROM requests.companies c WHERE c.id = r.company_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.requests DROP COLUMN company_name`);
  }
}
