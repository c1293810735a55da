import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssignmentConfig } from '../config/assignment.config';
import { ASSIGNMENT_CONFIG } from '../config/assignment.tokens';
import { RoutingService } from './routing.service';

/**
 * Reconciliation from PostgreSQL, on start and every ASSIGNMENT_SWEEP_MS: each officer's open count
 * is re-counted from the assignments it holds (fixed and logged if it drifted), and every officer
 * with room is given the waiting requests they may take. Routing already drains on each freed seat;
 * this is the safety net for what no event announced (a crash between steps, Redis losing its data,
 * a seat freed while a request was being routed elsewhere).
 */
@Injectable()
export class AssignmentReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('AssignmentReconciler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(ASSIGNMENT_CONFIG) private readonly config: AssignmentConfig,
    private readonly dataSource: DataSource,
    private readonly routing: RoutingService,
  ) {}

  onApplicationBootstrap(): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), this.config.ASSIGNMENT_SWEEP_MS);
    this.timer.unref();
  }

  /** Before the outbox relay stops (it sends what this publishes) and the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs one pass unless one is already running. */
  kick(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .then(() => undefined)
      .catch((err: Error) => this.log.warn(`reconciliation failed, retried in ${this.config.ASSIGNMENT_SWEEP_MS} ms: ${err.message}`))
      .finally(() => (this.running = undefined));
  }

  /**
   * One pass; returns how many waiting requests it assigned. Two reads find the work (officers whose
   * count looks off, officers with room while requests wait); only those are then checked and
   * fixed one by one under their row lock, so a quiet system costs two statements per pass.
   */
  async reconcile(): Promise<number> {
    const suspects = (await this.dataSource.query(
      `SELECT u.id FROM users u
        WHERE u.role = 'officer'
          AND u.open_count <> (SELECT count(*) FROM assignments a WHERE a.officer_id = u.id AND a.state = 'assigned')
        ORDER BY u.id`,
    )) as { id: string }[];
    const withRoom = (await this.dataSource.query(
      `SELECT id FROM users
        WHERE role = 'officer' AND available AND open_count < capacity
          AND EXISTS (SELECT 1 FROM assignments WHERE state = 'waiting')
        ORDER BY id`,
    )) as { id: string }[];
    const ids = [...new Set([...suspects, ...withRoom].map((o) => o.id))].sort();
    let assigned = 0;
    for (const id of ids) {
      assigned += await this.dataSource.transaction(async (m) => {
        // Every change to an officer's load updates their row, so once it is locked the count below
        // sees every committed assignment and none in flight.
        const [officer] = (await m.query(`SELECT open_count FROM users WHERE id = $1 FOR UPDATE`, [id])) as { open_count: number }[];
        if (!officer) return 0;
        const [counted] = (await m.query(`SELECT count(*)::int AS n FROM assignments WHERE officer_id = $1 AND state = 'assigned'`, [
          id,
        ])) as {
          n: number;
        }[];
        const n = counted?.n ?? 0;
        if (n !== officer.open_count) {
          this.log.warn(`officer ${id}: open count ${officer.open_count} corrected to ${n} from their assignments`);
          await m.query(`UPDATE users SET open_count = $2 WHERE id = $1`, [id, n]);
        }
        return this.routing.drainFor(m, id);
      });
    }
    if (assigned > 0) this.log.warn(`reconciliation assigned ${assigned} waiting request(s) that no event had routed`);
    return assigned;
  }
}
