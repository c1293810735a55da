import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CodedError,
  type LedgerQuery,
  type LedgerRow,
  type ReportLine,
  type ReportQuery,
  type ReportSummaryView,
  type WorkloadCounts,
} from '@qifu/contracts';
import { DataSource } from 'typeorm';
import { type ReportCounts, sumCounts, toReportLine } from './domain/report-rates';

const COUNTS = `
  count(*)::int AS filed,
  count(*) FILTER (WHERE status IN ('resolved','under_review','closed'))::int AS resolved,
  count(*) FILTER (WHERE status IN ('submitted','assigned','in_progress','awaiting_company'))::int AS open,
  count(*) FILTER (WHERE breached)::int AS breached,
  count(*) FILTER (WHERE status IN ('resolved','under_review','closed') AND resolved_at <= resolution_due_at)::int AS "resolvedOnTime",
  count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted,
  count(*) FILTER (WHERE accepted_at <= response_due_at)::int AS "acceptedOnTime",
  count(*) FILTER (WHERE rating IS NOT NULL)::int AS rated,
  count(*) FILTER (WHERE rating = 'good')::int AS good`;

type GroupRow = ReportCounts & { key: string | null; label: string | null };

/** The numbers managers are judged by, and the ledger, over requests filed in [from, to). */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(actor: Actor, q: ReportQuery): Promise<ReportSummaryView> {
    const { where, params, departmentId } = this.scope(actor, q);
    const byCategory = (await this.dataSource.query(
      `SELECT category AS key, category AS label, ${COUNTS} FROM requests WHERE ${where} GROUP BY category ORDER BY category`,
      params,
    )) as GroupRow[];
    const byOfficer = (await this.dataSource.query(
      `SELECT assignee_id::text AS key, max(assignee_name) AS label, ${COUNTS} FROM requests WHERE ${where}
        GROUP BY assignee_id ORDER BY max(assignee_name) NULLS LAST`,
      params,
    )) as GroupRow[];
    const line = (g: GroupRow): ReportLine => ({ key: g.key ?? 'unassigned', label: g.label ?? 'unassigned', ...toReportLine(g) });
    return {
      from: q.from,
      to: q.to,
      departmentId,
      ...toReportLine(sumCounts(byCategory)),
      byCategory: byCategory.map(line),
      byOfficer: byOfficer.map(line),
    };
  }

  async ledger(actor: Actor, q: LedgerQuery): Promise<LedgerRow[]> {
    const { where, params } = this.scope(actor, q, 'r.');
    const cursor = q.after ? `AND (r.created_at, r.id) > ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)` : '';
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.reference_no, c.name AS company_name, r.category, r.priority, r.title, r.status, r.assignee_name,
              r.created_at, r.response_due_at, r.accepted_at, r.resolution_due_at, r.resolved_at, r.breached,
              r.escalation_level, r.rating
         FROM requests r JOIN companies c ON c.id = r.company_id
        WHERE ${where} ${cursor}
        ORDER BY r.created_at, r.id LIMIT ${Math.min(Math.max(q.limit, 1), 5_000)}`,
      q.after ? [...params, q.after.createdAt, q.after.id] : params,
    )) as Record<string, unknown>[];
    const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : null);
    return rows.map((r) => ({
      id: r.id as string,
      referenceNo: r.reference_no as string,
      companyName: r.company_name as string,
      category: r.category as LedgerRow['category'],
      priority: r.priority as LedgerRow['priority'],
      title: r.title as string,
      status: r.status as LedgerRow['status'],
      assigneeName: (r.assignee_name as string | null) ?? null,
      createdAt: iso(r.created_at)!,
      responseDueAt: iso(r.response_due_at),
      acceptedAt: iso(r.accepted_at),
      resolutionDueAt: iso(r.resolution_due_at),
      resolvedAt: iso(r.resolved_at),
      breached: r.breached as boolean,
      escalationLevel: r.escalation_level as number,
      rating: (r.rating as LedgerRow['rating']) ?? null,
    }));
  }

  /** Open cases per officer; the gateway has already checked who may ask about whom. */
  async workload(officerIds: string[]): Promise<WorkloadCounts[]> {
    if (officerIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT assignee_id::text AS "officerId", count(*)::int AS open,
              count(*) FILTER (WHERE breached)::int AS breached,
              count(*) FILTER (WHERE resolution_due_at < now() + interval '24 hours')::int AS "dueSoon",
              min(created_at) AS "oldestOpenAt"
         FROM requests
        WHERE assignee_id = ANY($1::uuid[]) AND status IN ('assigned','in_progress','awaiting_company')
        GROUP BY assignee_id`,
      [officerIds],
    )) as (Omit<WorkloadCounts, 'oldestOpenAt'> & { oldestOpenAt: Date | null })[];
    const byId = new Map(rows.map((r) => [r.officerId, r]));
    return officerIds.map((officerId) => {
      const r = byId.get(officerId);
      return {
        officerId,
        open: r?.open ?? 0,
        breached: r?.breached ?? 0,
        dueSoon: r?.dueSoon ?? 0,
        oldestOpenAt: r?.oldestOpenAt?.toISOString() ?? null,
      };
    });
  }

  /** Admins see every department (or the one asked for); a supervisor only their own. */
  private scope(actor: Actor, q: ReportQuery, alias = ''): { where: string; params: unknown[]; departmentId: string | null } {
    if (actor.role !== 'admin' && actor.role !== 'supervisor') throw new CodedError('FORBIDDEN', 'reports are for supervisors and admins');
    let departmentId = q.departmentId ?? null;
    if (actor.role === 'supervisor') {
      if (!actor.departmentId) throw new CodedError('FORBIDDEN', 'this supervisor belongs to no department');
      if (departmentId && departmentId !== actor.departmentId)
        throw new CodedError('FORBIDDEN', 'a supervisor sees only their own department');
      departmentId = actor.departmentId;
    }
    const params: unknown[] = [q.from, q.to];
    let where = `${alias}created_at >= $1 AND ${alias}created_at < $2`;
    if (departmentId) {
      params.push(departmentId);
      where += ` AND ${alias}department_id = $3`;
    }
    return { where, params, departmentId };
  }
}
