import { insertManyTogether, preparedQuery } from '@qifu/database';
import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, CodedError, type FileRequestInput, type RequestView } from '@qifu/contracts';
import { Batcher, OutboxMessage, OutboxPublisher, OutboxRelay } from '@qifu/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestEvent } from '../timeline/request-event.entity';
import { TimelineService } from '../timeline/timeline.service';
import { beijingYear, effectivePriority, formatReferenceNo } from './domain/request-priority';
import { ReferenceNumbers } from './reference-numbers';
import { toRequestView } from './request.mapper';
import { Request } from './request.entity';

/** Most filings written in one transaction (the RPC worker holds up to 128 commands: the batch being written and the next). */
const FILING_BATCH = 64;

function bodyHash(input: FileRequestInput): string {
  const canonical = JSON.stringify(input, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** One filing: who files (a company user, for their company) and what. */
interface Filing {
  actor: Actor & { companyId: string };
  input: FileRequestInput;
}

/** A filing written: its view, and when its `request.filed` is in the subscribers' queues. */
interface Written {
  request: RequestView;
  sent: Promise<void>;
}

/**
 * Filing: the request, its first timeline line and `request.filed` commit together, in one INSERT.
 * With an Idempotency-Key the same body replays the first answer and another body is a conflict,
 * also when both arrive at once (a transaction around the key row serialises them). Filings without
 * a key that arrive while one is being written share the next write (Batcher): two statements, the
 * companies with their reference numbers, then the INSERT, atomic by itself, so no BEGIN or COMMIT
 * waits on the critical path (a number taken by a write that fails is skipped, as a rolled-back
 * transaction would skip it). If such a batch fails, each filing is written alone, so one filing's
 * error (a company that is gone) is its own.
 */
@Injectable()
export class FileRequestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxPublisher,
    private readonly relay: OutboxRelay,
    private readonly references: ReferenceNumbers,
  ) {}

  private readonly filings = new Batcher<Filing, Written>(
    {
      together: (filings) => this.write(this.dataSource.manager, filings, 'send now'),
      alone: async (filing) => (await this.write(this.dataSource.manager, [filing], 'send now'))[0]!,
    },
    FILING_BATCH,
  );

  async file(actor: Actor, input: FileRequestInput, idempotencyKey?: string): Promise<{ request: RequestView; replayed: boolean }> {
    if (actor.role !== 'company' || !actor.companyId) throw new CodedError('FORBIDDEN', 'only company users file requests');
    const filing: Filing = { actor: { ...actor, companyId: actor.companyId }, input };
    if (!idempotencyKey) {
      // The caller hears back once the event is on its way, so no later event of this request can overtake it.
      const { request, sent } = await this.filings.add(filing);
      await sent;
      return { request, replayed: false };
    }
    return this.dataSource.transaction(async (m) => {
      const replay = await this.claimKey(m, actor.userId, idempotencyKey, bodyHash(input));
      if (replay) return { request: toRequestView(replay), replayed: true };
      const [{ request }] = (await this.write(m, [filing])) as [Written];
      await m.query('UPDATE idempotency_keys SET request_id = $3 WHERE actor_id = $1 AND key = $2', [
        actor.userId,
        idempotencyKey,
        request.id,
      ]);
      return { request, replayed: false };
    });
  }

  /**
   * Writes filings in two statements, in the caller's transaction or none: their companies and
   * reference numbers (a company that is not there takes no number), then one INSERT of the
   * requests, their first timeline lines and their `request.filed` events together. Outside a
   * transaction (`send now`) the INSERT has committed when it returns, so the events go to their
   * subscribers at once (OutboxRelay.sendNow; `sent` settles when they are there): the relay's
   * wake-up and pass are off the path to assignment, and the next batch does not wait for the send.
   */
  private async write(m: EntityManager, filings: readonly Filing[], send?: 'send now'): Promise<Written[]> {
    const now = new Date();
    const year = beijingYear(now);
    const companies = (await preparedQuery(
      m,
      `SELECT c.id, c.name, c.liaison_officer_id, nextval($2::regclass) AS n
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x (id, ord) JOIN companies c ON c.id = x.id
        ORDER BY x.ord`,
      [filings.map((f) => f.actor.companyId), await this.references.sequenceFor(m, year)],
    )) as { id: string; name: string; liaison_officer_id: string | null; n: string }[];
    const missing = filings.find((f, i) => companies[i]?.id !== f.actor.companyId);
    if (missing) throw new CodedError('NOT_FOUND', `company ${missing.actor.companyId} not found`);
    const requests = filings.map(({ actor, input }, i) =>
      m.create(Request, {
        id: randomUUID(),
        referenceNo: formatReferenceNo(year, Number(companies[i]!.n)),
        companyId: actor.companyId,
        companyName: companies[i]!.name,
        filedBy: actor.userId,
        category: input.category,
        priority: effectivePriority(input.category, input.priority, input.details),
        title: input.title,
        description: input.description,
        details: input.details,
        status: 'submitted',
        assigneeId: null,
        assigneeName: null,
        departmentId: null,
        supervisorId: null,
        responseDueAt: null,
        resolutionDueAt: null,
        slaState: null,
        breached: false,
        escalationLevel: 0,
        rating: null,
        acceptedAt: null,
        assignedAt: null,
        resolvedAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const timeline = this.timeline.rows(
      m,
      requests.map((r, i) => ({
        requestId: r.id,
        type: 'filed',
        actor: filings[i]!.actor,
        toStatus: 'submitted' as const,
        message: r.title,
        data: { category: r.category, priority: r.priority },
        at: now,
      })),
    );
    const filed = requests.map((r, i) => ({
      name: 'request.filed.v1' as const,
      payload: {
        requestId: r.id,
        referenceNo: r.referenceNo,
        companyId: r.companyId,
        liaisonOfficerId: companies[i]!.liaison_officer_id,
        category: r.category,
        priority: r.priority,
        title: r.title,
        filedAt: now.toISOString(),
      },
    }));
    const leased = send ? this.outbox.leasedRows(filed, now) : undefined;
    const events = leased ?? this.outbox.rows(filed, now);
    // One statement for the three tables: the filing's critical path waits for each round trip.
    await insertManyTogether(m, [
      { target: Request, rows: requests },
      { target: RequestEvent, rows: timeline },
      { target: OutboxMessage, rows: events },
    ]);
    const sent = leased ? this.relay.sendNow(leased) : Promise.resolve();
    return requests.map((r) => ({ request: toRequestView(r), sent }));
  }

  /** Returns the request to replay, or null when this call owns the key and must file. */
  private async claimKey(m: EntityManager, actorId: string, key: string, hash: string): Promise<Request | null> {
    const inserted = (await m.query(
      `INSERT INTO idempotency_keys (actor_id, key, body_hash) VALUES ($1, $2, $3)
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING key`,
      [actorId, key, hash],
    )) as unknown[];
    if (inserted.length > 0) return null;
    const [row] = (await m.query('SELECT body_hash, request_id FROM idempotency_keys WHERE actor_id = $1 AND key = $2', [
      actorId,
      key,
    ])) as {
      body_hash: string;
      request_id: string | null;
    }[];
    if (!row || row.body_hash !== hash || !row.request_id) {
      throw new CodedError('IDEMPOTENCY_CONFLICT', `Idempotency-Key "${key}" was already used with a different body`);
    }
    return m.findOneByOrFail(Request, { id: row.request_id });
  }
}
