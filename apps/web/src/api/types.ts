/** Typed models of the public contract (/work/shared/API.md, v1). Optional fields are ones API.md leaves open. */

export type Role = 'admin' | 'supervisor' | 'officer' | 'company';
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'officer', 'company'];

export type Category = 'hiring' | 'financing' | 'safety_hazard' | 'policy' | 'approval' | 'other';
export const CATEGORIES: readonly Category[] = ['hiring', 'financing', 'safety_hazard', 'policy', 'approval', 'other'];

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export type RequestStatus =
  'submitted' | 'assigned' | 'in_progress' | 'awaiting_company' | 'resolved' | 'under_review' | 'closed' | 'cancelled';
export const STATUSES: readonly RequestStatus[] = [
  'submitted',
  'assigned',
  'in_progress',
  'awaiting_company',
  'resolved',
  'under_review',
  'closed',
  'cancelled',
];

export type HazardType = 'fire' | 'electrical' | 'chemical' | 'structural' | 'machinery' | 'other';
export const HAZARD_TYPES: readonly HazardType[] = [
  'fire',
  'electrical',
  'chemical',
  'structural',
  'machinery',
  'other',
];
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export interface HiringDetails {
  positions: { title: string; headcount: number }[];
  neededBy?: string;
}
export interface FinancingDetails {
  amountCny: number;
  purpose: string;
  termMonths?: number;
}
export interface SafetyHazardDetails {
  location: string;
  hazardType: HazardType;
  severity: Severity;
  immediateDanger: boolean;
}
export type EmptyDetails = Record<string, never>;
export type RequestDetails = HiringDetails | FinancingDetails | SafetyHazardDetails | EmptyDetails;

export interface UserSummary {
  id: string;
  displayName: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  companyId?: string | null;
  supervisorId?: string | null;
  categories?: Category[];
  capacity?: number;
  available?: boolean;
  openCases?: number;
}

export type SlaState = 'running' | 'paused' | 'met' | 'breached';
export interface RequestSla {
  responseDueAt?: string | null;
  resolutionDueAt?: string | null;
  state: SlaState;
  escalationLevel: number;
  /** Not in API.md: the highest warnAt fraction already raised, if the backend sends it. */
  warned?: boolean;
}

export interface ServiceRequest {
  id: string;
  referenceNo: string;
  category: Category;
  title: string;
  description: string;
  priority: Priority;
  status: RequestStatus;
  details: RequestDetails;
  companyId?: string;
  companyName?: string;
  departmentId?: string | null;
  assignee?: UserSummary | null;
  sla?: RequestSla | null;
  rating?: 'good' | 'bad' | null;
  createdAt: string;
  updatedAt?: string;
  resolvedAt?: string | null;
  /** Not in API.md: the open info request (awaiting_company), if the backend sends it with the request. */
  infoRequest?: { items: string[]; requestedAt?: string } | null;
}

export interface TimelineEvent {
  id?: string;
  type: string;
  /** The API may send only `{id, role}`: the UI then names the role instead of a person. */
  actor?: { id: string; displayName?: string; role?: Role } | null;
  at?: string;
  createdAt?: string;
  internal?: boolean;
  message?: string;
  body?: string;
  data?: Record<string, unknown>;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export interface Department {
  id: string;
  name: string;
  code: string;
}

export interface Company {
  id: string;
  name: string;
  creditCode: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  liaisonOfficerId?: string | null;
}

export type NotificationType =
  | 'request.assigned'
  | 'request.unassigned'
  | 'request.info_requested'
  | 'request.resolved'
  | 'sla.warning'
  | 'sla.breached'
  | 'sla.escalated'
  | 'rating.bad'
  | (string & {});

export interface AppNotification {
  id: string;
  type: NotificationType;
  requestId?: string | null;
  referenceNo?: string | null;
  message: string;
  createdAt: string;
  readAt?: string | null;
}

export interface WorkingHours {
  weekday: number;
  open: string;
  close: string;
}
export interface Calendar {
  id: string;
  name: string;
  timezone: string;
  workingHours: WorkingHours[];
  holidays: string[];
  workdays: string[];
}

export type Clock = 'business' | 'calendar';
export type NotifyTarget = 'supervisor' | 'department_head' | 'admin';
export interface SlaPolicy {
  name: string;
  match: { category?: Category; priority?: Priority };
  calendarId: string;
  response: { duration: string; clock: Clock };
  resolution: { duration: string; clock: Clock };
  warnAt: number[];
  escalation: { after: string; notify: NotifyTarget }[];
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt?: string;
}
export interface WebhookDelivery {
  id: string;
  event?: string;
  status?: string | number;
  statusCode?: number | null;
  attempts?: number;
  createdAt?: string;
  deliveredAt?: string | null;
  error?: string | null;
}

export interface CountBy {
  [key: string]: unknown;
}
export interface ReportSummary {
  filed: number;
  resolved: number;
  open: number;
  breached: number;
  onTimeResolutionRate: number | null;
  responseMetRate: number | null;
  satisfactionRate: number | null;
  byCategory: unknown;
  byOfficer: unknown;
}

export interface Workload {
  officerId?: string;
  open: number;
  capacity?: number;
  breached?: number;
  dueSoon?: number;
}
