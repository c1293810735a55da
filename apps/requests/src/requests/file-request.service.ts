import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, CodedError, type FileRequestInput, type RequestView } from '@qifu/contracts';
import { OutboxPublisher } from '@qifu/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { beijingYear, effectivePriority, formatReferenceNo } from './domain/request-priority';
import { ReferenceNumbers } from './reference-numbers';
import { toRequestView } from './request.mapper';
import { Request } from './request.entity';

function bodyHash(input: FileRequestInput): string {
  const canonical = JSON.stringify(input, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Filing: the request, its first timeline line, its reference number and `request.filed` commit in
 * one transaction. With an Idempotency-Key the same body replays the first answer and another body
 * is a conflict, also when both arrive at once (the key row serialises them).
 */
@Injectable()
export class FileRequestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxPublisher,
    private readonly references: ReferenceNumbers,
  ) {}

  async file(actor: Actor, input: FileRequestInput, idempotencyKey?: string): Promise<{ request: RequestView; replayed: boolean }> {
    if (actor.role !== 'company' || !actor.companyId) throw new CodedError('FORBIDDEN', 'only company users file requests');
    const companyId = actor.companyId;
    return this.dataSource.transaction(async (m) => {
      if (idempotencyKey) {
        const replay = await this.claimKey(m, actor.userId, idempotencyKey, bodyHash(input));
        if (replay) return { request: toRequestView(replay), replayed: true };
      }
      const now = new Date();
      const year = beijingYear(now);
      // The company and the next reference number in one statement (no row, no number taken).
      const [company] = (await m.query('SELECT name, liaison_officer_id, nextval($2::regclass) AS n FROM companies WHERE id = $1', [
        companyId,
        await this.references.sequenceFor(m, year),
      ])) as { name: string; liaison_officer_id: string | null; n: string }[];
      if (!company) throw new CodedError('NOT_FOUND', `company ${companyId} not found`);
      const sequence = Number(company.n);
      const request = m.create(Request, {
        id: randomUUID(),
        referenceNo: formatReferenceNo(year, sequence),
        companyId,
        companyName: company.name,
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
      });
      await m.insert(Request, request);
      await this.timeline.append(m, {
        requestId: request.id,
        type: 'filed',
        actor,
        toStatus: 'submitted',
        message: request.title,
        data: { category: request.category, priority: request.priority },
        at: now,
      });
      await this.outbox.publish(m, 'request.filed.v1', {
        requestId: request.id,
        referenceNo: request.referenceNo,
        companyId,
        liaisonOfficerId: company.liaison_officer_id,
        category: request.category,
        priority: request.priority,
        title: request.title,
        filedAt: now.toISOString(),
      });
      if (idempotencyKey) {
        await m.query('UPDATE idempotency_keys SET request_id = $3 WHERE actor_id = $1 AND key = $2', [
          actor.userId,
          idempotencyKey,
          request.id,
        ]);
      }
      return { request: toRequestView(request), replayed: false };
    });
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
