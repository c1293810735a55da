import type { JsonObject } from '../json';
import type { Priority, RequestCategory, RequestStatus } from '../enums/request';
import type { Role } from '../enums/roles';
import type { SlaClock } from '../enums/sla';
import type { Actor, PageQuery, SlaPolicyView, WebhookDeliveryStatus } from './views';
import type { NotificationType, WebhookFormat } from '../enums/notifications';

export interface CreateDepartmentInput {
  name: string;
  code: string;
}

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  departmentId?: string;
  companyId?: string;
  supervisorId?: string;
  categories?: RequestCategory[];
  capacity?: number;
}

export interface UpdateUserInput {
  displayName?: string;
  password?: string;
  departmentId?: string | null;
  supervisorId?: string | null;
  categories?: RequestCategory[];
  capacity?: number;
  available?: boolean;
}

export interface CreateCompanyInput {
  name: string;
  creditCode: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  liaisonOfficerId?: string;
}

export type UpdateCompanyInput = Partial<Omit<CreateCompanyInput, 'liaisonOfficerId'>> & {
  liaisonOfficerId?: string | null;
};

export interface FileRequestInput {
  category: RequestCategory;
  title: string;
  description: string;
  priority?: Priority;
  details: JsonObject;
}

export interface ListRequestsQuery extends PageQuery {
  status?: RequestStatus;
  category?: RequestCategory;
  assigneeId?: string;
  breached?: boolean;
  /** Only requests the company escalated or the SLA escalated (level ≥ 1). */
  escalated?: boolean;
  departmentId?: string;
  /** Filed at or after / before (ISO instants). */
  from?: string;
  to?: string;
  q?: string;
  sort?: RequestSort;
}

/** `dueAt` puts the nearest resolution deadline first; a leading `-` reverses. */
export const REQUEST_SORTS = ['createdAt', '-createdAt', 'dueAt', '-dueAt', 'updatedAt', '-updatedAt'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

export interface RequestAction {
  actor: Actor;
  requestId: string;
}

export type PutSlaPolicyInput = Omit<SlaPolicyView, 'updatedAt'>;

export interface CalendarInput {
  name: string;
  timezone: string;
  workingHours: { weekday: number; open: string; close: string }[];
  holidays: string[];
  workdays: string[];
}

export interface DueQuery {
  calendarId: string;
  from: string;
  duration: string;
  clock: SlaClock;
}

export type ReviewOutcome = 'rework' | 'upheld';

export interface TransferInput {
  toDepartmentId?: string;
  toOfficerId?: string;
  reason: string;
}

export interface ReportQuery {
  /** Filed at or after / before (ISO instants). */
  from: string;
  to: string;
  departmentId?: string;
}

export interface LedgerQuery extends ReportQuery {
  /** Keyset cursor: rows after this (createdAt, id). */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface PlanInput {
  milestones: { title: string; dueAt: string }[];
  reason: string;
}

export interface CreateWebhookInput {
  url: string;
  events: NotificationType[];
  secret: string;
  format?: WebhookFormat;
  active?: boolean;
  description?: string | null;
}

export type UpdateWebhookInput = Partial<CreateWebhookInput>;

export interface ListDeliveriesQuery extends PageQuery {
  status?: WebhookDeliveryStatus;
}
