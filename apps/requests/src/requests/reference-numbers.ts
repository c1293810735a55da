import { Injectable } from '@nestjs/common';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@qifu/database';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Reference-number sequences, one PostgreSQL sequence per Beijing year (`reference_seq_2026`).
 * A sequence hands out numbers without locking, so concurrent filings never queue behind one counter
 * row; the price is a gap when a filing rolls back, which a reference number may have.
 */
@Injectable()
export class ReferenceNumbers {
  private readonly ready = new Set<number>();

  constructor(private readonly dataSource: DataSource) {}

  async next(m: EntityManager, year: number): Promise<number> {
    if (!Number.isInteger(year)) throw new Error(`bad year ${year}`);
    if (!this.ready.has(year)) await this.ensure(year);
    const [row] = (await m.query(`SELECT nextval('reference_seq_${year}') AS n`)) as { n: string }[];
    return Number(row?.n);
  }

  private async ensure(year: number): Promise<void> {
    try {
      await this.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS reference_seq_${year}`);
    } catch (err) {
      // Two replicas creating the year's sequence at the same moment: the other one won.
      if (pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
    }
    this.ready.add(year);
  }
}
