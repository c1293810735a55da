import type { Priority, Rating, RequestCategory, RequestStatus } from '../enums/request';

export interface RequestFiledV1 {
  requestId: string;
  referenceNo: string;
  companyId: string;
  liaisonOfficerId: string | null;
  category: RequestCategory;
  priority: Priority;
  title: string;
  filedAt: string;
}

export interface RequestAcceptedV1 {
  requestId: string;
  referenceNo: string;
  officerId: string;
  acceptedAt: string;
}

/** Any status change other than filing; consumers pick the statuses they care about. */
export interface RequestStatusChangedV1 {
  requestId: string;
  referenceNo: string;
  companyId: string;
  from: RequestStatus;
  to: RequestStatus;
  actorId: string;
  assigneeId: string | null;
  supervisorId: string | null;
  changedAt: string;
}

export interface RequestRatedV1 {
  requestId: string;
  referenceNo: string;
  companyId: string;
  rating: Rating;
  comment: string | null;
  assigneeId: string | null;
  supervisorId: string | null;
  ratedAt: string;
}

/** The company said "nobody is solving this": the escalation level rises at once. */
export interface RequestEscalatedV1 {
  requestId: string;
  referenceNo: string;
  companyId: string;
  level: number;
  reason: string;
  assigneeId: string | null;
  supervisorId: string | null;
  escalatedAt: string;
}

/** The request leaves its officer for a department or a named officer (转办). */
export interface RequestTransferRequestedV1 {
  requestId: string;
  referenceNo: string;
  fromOfficerId: string | null;
  toDepartmentId: string | null;
  toOfficerId: string | null;
  reason: string;
  byUserId: string;
  requestedAt: string;
}

/** A case that cannot be solved within its target gets a dated plan; it replaces any earlier plan. */
export interface RequestPlanSetV1 {
  requestId: string;
  referenceNo: string;
  companyId: string;
  milestones: { title: string; dueAt: string }[];
  reason: string;
  assigneeId: string | null;
  supervisorId: string | null;
  setAt: string;
}
