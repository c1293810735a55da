import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@qifu/database';
import { DataSource, type EntityManager } from 'typeorm';
import { beijingYear } from './domain/request-priority';

const HOUR_MS = 3_600_000;

/**
 * Reference-number sequences, one PostgreSQL sequence per Beijing year (`reference_seq_2026`).
 * A sequence hands out numbers without locking, so concurrent filings never queue behind one counter
 * row; the price is a gap when a filing rolls back, which a reference number may have.
 *
 * This year's and next year's sequences are created at start and checked hourly, outside any
 * filing: a filing that had to create one from inside its transaction through a second pooled
 * connection could, with the pool full of such filings, wait for a connection none of them frees.
 */
@Injectable()
export class ReferenceNumbers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ReferenceNumbers');
  private readonly ready = new Set<number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.prepare();
    this.timer = setInterval(
      () => void this.prepare().catch((err: Error) => this.log.warn(`reference sequences: ${err.message}`)),
      HOUR_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The year's sequence (for `nextval` inside another statement), created in the caller's transaction (if any) if the year is not prepared yet. */
  async sequenceFor(m: EntityManager, year: number): Promise<string> {
    if (!Number.isInteger(year)) throw new Error(`bad year ${year}`);
    // Not prepared (the year turned before the hourly check): create it now.
    if (!this.ready.has(year)) await this.create(m, year);
    return `reference_seq_${year}`;
  }

  private async prepare(): Promise<void> {
    const year = beijingYear(new Date());
    for (const y of [year, year + 1]) {
      if (this.ready.has(y)) continue;
      await this.create(this.dataSource.manager, y);
      this.ready.add(y);
    }
  }

  /** Creates the year's sequence if missing, in the caller's transaction if there is one. */
  private async create(m: EntityManager, year: number): Promise<void> {
    // Inside a transaction a failed statement would abort it: a savepoint keeps it usable.
    const inTransaction = m.queryRunner?.isTransactionActive === true;
    if (inTransaction) await m.query('SAVEPOINT reference_seq');
    try {
      await m.query(`CREATE SEQUENCE IF NOT EXISTS reference_seq_${year}`);
      if (inTransaction) await m.query('RELEASE SAVEPOINT reference_seq');
    } catch (err) {
      if (inTransaction) await m.query('ROLLBACK TO SAVEPOINT reference_seq');
      // Two replicas creating the year's sequence at the same moment: the other one won.
      if (pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
    }
  }
}
