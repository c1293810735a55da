import type { ServiceName } from '../queues';
import type {
  CreateCompanyInput,
  CreateDepartmentInput,
  CreateUserInput,
  CalendarInput,
  CreateWebhookInput,
  DueQuery,
  FileRequestInput,
  LedgerQuery,
  ListDeliveriesQuery,
  ListRequestsQuery,
  PlanInput,
  PutSlaPolicyInput,
  ReportQuery,
  RequestAction,
  ReviewOutcome,
  TransferInput,
  UpdateCompanyInput,
  UpdateUserInput,
  UpdateWebhookInput,
} from './commands';
import type {
  Actor,
  CalendarImportView,
  CalendarView,
  CompanyView,
  DepartmentView,
  LedgerRow,
  NotificationPreferencesInput,
  NotificationPreferencesView,
  NotificationView,
  Page,
  PageQuery,
  ReportSummaryView,
  RequestView,
  SlaPolicyView,
  TimelineEntryView,
  UserView,
  WebhookDeliveryView,
  WebhookView,
  WorkloadCounts,
} from './views';
import type { LiveNotification } from '../live-feed';
import type { Rating } from '../enums/request';
import type { Role } from '../enums/roles';

export interface PingResult {
  service: ServiceName;
  ok: true;
  at: string;
}

/** Every RPC pattern with its request and response types. */
export interface RpcContract {
  'requests.ping': { req: Record<string, never>; res: PingResult };
  'assignment.ping': { req: Record<string, never>; res: PingResult };
  'sla.ping': { req: Record<string, never>; res: PingResult };
  'notifications.ping': { req: Record<string, never>; res: PingResult };

  'auth.verify-credentials': { req: { username: string; password: string }; res: UserView };
  'users.get': { req: { id: string }; res: UserView };
  'users.create': { req: { input: CreateUserInput }; res: UserView };
  'users.update': { req: { id: string; patch: UpdateUserInput }; res: UserView };
  'users.list': { req: PageQuery & { role?: Role; departmentId?: string }; res: Page<UserView> };
  'departments.create': { req: { input: CreateDepartmentInput }; res: DepartmentView };
  'departments.list': { req: PageQuery; res: Page<DepartmentView> };
  'departments.get': { req: { id: string }; res: DepartmentView };

  'companies.create': { req: { input: CreateCompanyInput }; res: CompanyView };
  'companies.get': { req: { actor: Actor; id: string }; res: CompanyView };
  'companies.update': { req: { id: string; patch: UpdateCompanyInput }; res: CompanyView };
  'companies.list': { req: PageQuery; res: Page<CompanyView> };
  'requests.file': {
    req: { actor: Actor; input: FileRequestInput; idempotencyKey?: string };
    res: { request: RequestView; replayed: boolean };
  };
  'requests.list': { req: { actor: Actor; query: ListRequestsQuery }; res: Page<RequestView> };
  'requests.get': { req: RequestAction; res: RequestView };
  'requests.timeline': { req: RequestAction; res: TimelineEntryView[] };
  'requests.accept': { req: RequestAction; res: RequestView };
  'requests.comment': { req: RequestAction & { body: string; internal: boolean }; res: TimelineEntryView };
  'requests.resolve': { req: RequestAction & { resolution: string }; res: RequestView };
  'requests.rate': { req: RequestAction & { rating: Rating; comment?: string }; res: RequestView };
  'requests.request-info': { req: RequestAction & { items: string[] }; res: RequestView };
  'requests.provide-info': { req: RequestAction & { message: string }; res: RequestView };
  'requests.transfer': { req: RequestAction & TransferInput; res: RequestView };
  'requests.review': { req: RequestAction & { outcome: ReviewOutcome; note: string }; res: RequestView };
  'requests.escalate': { req: RequestAction & { reason: string }; res: RequestView };
  'requests.cancel': { req: RequestAction & { reason: string }; res: RequestView };
  'requests.reopen': { req: RequestAction & { reason: string }; res: RequestView };
  'requests.plan': { req: RequestAction & PlanInput; res: RequestView };
  'reports.summary': { req: { actor: Actor; query: ReportQuery }; res: ReportSummaryView };
  'reports.ledger': { req: { actor: Actor; query: LedgerQuery }; res: LedgerRow[] };
  'reports.workload': { req: { officerIds: string[] }; res: WorkloadCounts[] };

  'sla.policies.list': { req: Record<string, never>; res: SlaPolicyView[] };
  'sla.policies.put': { req: { input: PutSlaPolicyInput }; res: SlaPolicyView };
  'sla.due': { req: DueQuery; res: { dueAt: string } };
  'sla.calendars.list': { req: Record<string, never>; res: CalendarView[] };
  'sla.calendars.get': { req: { id: string }; res: CalendarView };
  'sla.calendars.create': { req: { input: CalendarInput }; res: CalendarView };
  'sla.calendars.put': { req: { id: string; input: CalendarInput }; res: CalendarView };
  'sla.calendars.import_ics': { req: { id: string; ics: string }; res: CalendarImportView };

  'notifications.list': { req: { actor: Actor; unread: boolean } & PageQuery; res: Page<NotificationView> };
  'notifications.read': { req: { actor: Actor; id: string }; res: NotificationView };
  'notifications.read-all': { req: { actor: Actor }; res: { updated: number } };
  'webhooks.create': { req: { input: CreateWebhookInput }; res: WebhookView };
  'webhooks.list': { req: PageQuery; res: Page<WebhookView> };
  'webhooks.get': { req: { id: string }; res: WebhookView };
  'webhooks.update': { req: { id: string; patch: UpdateWebhookInput }; res: WebhookView };
  'webhooks.delete': { req: { id: string }; res: { deleted: true } };
  'webhooks.redeliver': { req: { id: string; deliveryId: string }; res: WebhookDeliveryView };
  'webhooks.deliveries': { req: { id: string; query: ListDeliveriesQuery }; res: Page<WebhookDeliveryView> };
  'notifications.preferences.get': { req: { actor: Actor }; res: NotificationPreferencesView };
  'notifications.preferences.put': { req: { actor: Actor; input: NotificationPreferencesInput }; res: NotificationPreferencesView };
  /** Feed lines after the one with id `afterId` (SSE Last-Event-ID), oldest first; `known: false` when that id is not the caller's. */
  'notifications.since': { req: { actor: Actor; afterId: string; limit: number }; res: { known: boolean; items: LiveNotification[] } };
}
export type RpcPattern = keyof RpcContract;
export type RpcRequest<P extends RpcPattern> = RpcContract[P]['req'];
export type RpcResponse<P extends RpcPattern> = RpcContract[P]['res'];

/** Which service answers each pattern. */
export const RPC_ROUTES: Readonly<Record<RpcPattern, ServiceName>> = {
  'requests.ping': 'requests',
  'assignment.ping': 'assignment',
  'sla.ping': 'sla',
  'notifications.ping': 'notifications',
  'auth.verify-credentials': 'assignment',
  'users.get': 'assignment',
  'users.create': 'assignment',
  'users.update': 'assignment',
  'users.list': 'assignment',
  'departments.create': 'assignment',
  'departments.list': 'assignment',
  'departments.get': 'assignment',
  'companies.create': 'requests',
  'companies.get': 'requests',
  'companies.update': 'requests',
  'companies.list': 'requests',
  'requests.file': 'requests',
  'requests.list': 'requests',
  'requests.get': 'requests',
  'requests.timeline': 'requests',
  'requests.accept': 'requests',
  'requests.comment': 'requests',
  'requests.resolve': 'requests',
  'requests.rate': 'requests',
  'requests.request-info': 'requests',
  'requests.provide-info': 'requests',
  'requests.transfer': 'requests',
  'requests.review': 'requests',
  'requests.escalate': 'requests',
  'requests.cancel': 'requests',
  'requests.reopen': 'requests',
  'requests.plan': 'requests',
  'reports.summary': 'requests',
  'reports.ledger': 'requests',
  'reports.workload': 'requests',
  'sla.policies.list': 'sla',
  'sla.policies.put': 'sla',
  'sla.due': 'sla',
  'sla.calendars.list': 'sla',
  'sla.calendars.get': 'sla',
  'sla.calendars.create': 'sla',
  'sla.calendars.put': 'sla',
  'sla.calendars.import_ics': 'sla',
  'notifications.list': 'notifications',
  'notifications.read': 'notifications',
  'notifications.read-all': 'notifications',
  'notifications.preferences.get': 'notifications',
  'webhooks.create': 'notifications',
  'webhooks.list': 'notifications',
  'webhooks.get': 'notifications',
  'webhooks.update': 'notifications',
  'webhooks.delete': 'notifications',
  'webhooks.deliveries': 'notifications',
  'webhooks.redeliver': 'notifications',
  'notifications.preferences.put': 'notifications',
  'notifications.since': 'notifications',
};

export const PING_PATTERNS: Readonly<Record<ServiceName, RpcPattern>> = {
  requests: 'requests.ping',
  assignment: 'assignment.ping',
  sla: 'sla.ping',
  notifications: 'notifications.ping',
};
