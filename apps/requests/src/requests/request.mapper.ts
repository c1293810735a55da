import type { JsonObject, RequestView, TimelineEntryView } from '@qifu/contracts';
import type { RequestEvent } from '../timeline/request-event.entity';
import type { Request } from './request.entity';

export function toRequestView(r: Request): RequestView {
  return {
    id: r.id,
    referenceNo: r.referenceNo,
    companyId: r.companyId,
    companyName: r.companyName,
    category: r.category,
    priority: r.priority,
    title: r.title,
    description: r.description,
    details: r.details as JsonObject,
    status: r.status,
    assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName ?? '' } : null,
    departmentId: r.departmentId,
    sla: r.slaState
      ? {
          responseDueAt: r.responseDueAt?.toISOString() ?? null,
          resolutionDueAt: r.resolutionDueAt?.toISOString() ?? null,
          state: r.slaState,
          escalationLevel: r.escalationLevel,
          breached: r.breached,
        }
      : null,
    rating: r.rating,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toTimelineView(e: RequestEvent): TimelineEntryView {
  return {
    id: e.id,
    requestId: e.requestId,
    type: e.type,
    actor: e.actorId ? { id: e.actorId, role: e.actorRole ?? 'system', displayName: e.actorName } : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    message: e.message,
    data: e.data as JsonObject,
    internal: e.internal,
    at: e.at.toISOString(),
  };
}
