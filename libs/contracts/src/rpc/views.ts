import type { JsonObject } from '../json';
import type { NotificationChannel, NotificationLocale, NotificationType, WebhookFormat } from '../enums/notifications';
import type { Priority, Rating, RequestCategory, RequestStatus } from '../enums/request';
import type { Role } from '../enums/roles';
import type { EscalationAudience, SlaClock, SlaState } from '../enums/sla';

/** Who is calling: the gateway passes it with every command so the owning service enforces scope. */
export interface Actor {
  userId: string;
  role: Role;
  companyId: string | null;
  departmentId: string | null;
  /** The person's name as the token carries it (absent in tokens issued before names were added). */
  displayName?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface DepartmentView {
  id: string;
  name: string;
  code: string;
  createdAt: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  companyId: string | null;
  supervisorId: string | null;
  categories: RequestCategory[];
  capacity: number;
  available: boolean;
  createdAt: string;
}

export interface CompanyView {
  id: string;
  name: string;
  creditCode: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  liaisonOfficerId: string | null;
  createdAt: string;
}

export interface SlaView {
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  state: SlaState;
  escalationLevel: number;
  breached: boolean;
}

export interface RequestView {
  id: string;
  referenceNo: string;
  companyId: string;
  companyName: string;
  category: RequestCategory;
  priority: Priority;
  title: string;
  description: string;
  details: JsonObject;
  status: RequestStatus;
  assignee: { id: string; displayName: string } | null;
  departmentId: string | null;
  sla: SlaView | null;
  rating: Rating | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntryView {
  id: string;
  requestId: string;
  type: string;
  actor: { id: string; role: Role | 'system'; displayName: string | null } | null;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  message: string | null;
  data: JsonObject;
  internal: boolean;
  at: string;
}

export interface NotificationView {
  id: string;
  type: NotificationType;
  requestId: string | null;
  referenceNo: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

/** A user's notification settings (GET/PUT /notifications/preferences). */
export interface NotificationPreferencesView {
  /** Types the user never wants, on any channel. */
  mutedTypes: NotificationType[];
  /** Channels the user does not want at all. */
  mutedChannels: NotificationChannel[];
  /** Where email alerts go; null = no email. */
  email: string | null;
  /** Language of emails. */
  locale: NotificationLocale;
  updatedAt: string | null;
}

export type NotificationPreferencesInput = Partial<Omit<NotificationPreferencesView, 'updatedAt'>>;

/** An outside system told of notifications (admin: /webhooks). The secret is never shown again. */
export interface WebhookView {
  id: string;
  url: string;
  events: NotificationType[];
  format: WebhookFormat;
  active: boolean;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One try at delivering: the receiver's HTTP status, or why there was none. */
export interface WebhookAttemptView {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  type: NotificationType;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** The exact JSON body sent (and signed). */
  body: string;
  log: WebhookAttemptView[];
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export interface DurationSpec {
  duration: string;
  clock: SlaClock;
}

export interface SlaPolicyView {
  name: string;
  match: { category?: RequestCategory; priority?: Priority };
  calendarId: string;
  response: DurationSpec;
  resolution: DurationSpec;
  warnAt: number[];
  escalation: { after: string; notify: EscalationAudience }[];
  updatedAt: string;
}

export interface CalendarWorkingHoursView {
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  weekday: number;
  open: string;
  close: string;
}

/**
 * A working calendar. For the built-in `cn-default`, `holidays` and `workdays` are the effective
 * lists (the chinese-days dataset with the stored amendments over it) and `amendments` holds what
 * was added at run time.
 */
export interface CalendarView {
  id: string;
  name: string;
  timezone: string;
  workingHours: CalendarWorkingHoursView[];
  holidays: string[];
  workdays: string[];
  builtIn: boolean;
  /** cn-default only: the years the official dataset covers. */
  datasetYears: { first: number; last: number } | null;
  amendments: { holidays: string[]; workdays: string[] } | null;
  version: number;
  updatedAt: string;
}

export interface CalendarImportView {
  calendar: CalendarView;
  imported: { holidays: number; workdays: number; ignoredEvents: number };
}

/** One line of a report breakdown (by category or by officer). */
export interface ReportLine {
  key: string;
  label: string;
  filed: number;
  resolved: number;
  open: number;
  breached: number;
  /** Resolved by the resolution deadline ÷ resolved; null when nothing was resolved. */
  onTimeResolutionRate: number | null;
  /** Accepted by the response deadline ÷ accepted; null when nothing was accepted. */
  responseMetRate: number | null;
  /** good ÷ rated; null when nothing was rated. */
  satisfactionRate: number | null;
  rated: number;
}

export interface ReportSummaryView extends Omit<ReportLine, 'key' | 'label'> {
  from: string;
  to: string;
  departmentId: string | null;
  byCategory: ReportLine[];
  byOfficer: ReportLine[];
}

/** One row of the ledger (GET /reports/requests.csv). */
export interface LedgerRow {
  id: string;
  referenceNo: string;
  companyName: string;
  category: RequestCategory;
  priority: Priority;
  title: string;
  status: RequestStatus;
  assigneeName: string | null;
  createdAt: string;
  responseDueAt: string | null;
  acceptedAt: string | null;
  resolutionDueAt: string | null;
  resolvedAt: string | null;
  breached: boolean;
  escalationLevel: number;
  rating: Rating | null;
}

/** Open cases of one officer, counted from the requests (GET /officers/:id/workload). */
export interface WorkloadCounts {
  officerId: string;
  open: number;
  breached: number;
  /** Open cases whose resolution deadline falls within the next 24 hours. */
  dueSoon: number;
  /** Filing time of the oldest open case. */
  oldestOpenAt: string | null;
}

export interface OfficerWorkloadView extends WorkloadCounts {
  displayName: string;
  departmentId: string | null;
  capacity: number;
  available: boolean;
}
