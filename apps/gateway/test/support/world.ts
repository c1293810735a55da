import type { NotificationView, Page, RequestView } from '@qifu/contracts';
import { Api } from './api';
import { anAssignedRequest, aZone, type Zone } from './fixtures';
import type { TestSystem } from './system';

/** Who calls an endpoint in the bad-input and role suites. */
export type Caller = 'anonymous' | 'admin' | 'supervisor' | 'officer' | 'company';

export interface World {
  api: Record<Caller, Api>;
  zone: Zone;
  /** A's request, assigned to A's officer. */
  request: RequestView;
  /** A notification in A's officer's feed. */
  notificationId: string;
  /** A webhook (switched off, so it posts nothing). */
  webhookId: string;
}

/** Two tenants' worth of data: A's zone with an assigned request and a notification. */
export async function buildWorld(sys: TestSystem): Promise<World> {
  const anonymous = new Api(sys.baseUrl);
  const admin = await anonymous.login('admin', 'admin');
  const zone = await aZone(admin, { capacity: 50 });
  const request = await anAssignedRequest(zone);
  const until = Date.now() + 10_000;
  let notes: Page<NotificationView> = { items: [], total: 0, page: 1, pageSize: 20 };
  while (notes.items.length === 0 && Date.now() < until) {
    notes = await zone.officer.notifications();
    if (notes.items.length === 0) await new Promise((r) => setTimeout(r, 50));
  }
  if (!notes.items[0]) throw new Error('no notification for the officer');
  const webhook = await admin.ok(
    admin.post<{ id: string }>('/webhooks', {
      url: 'https://hooks.example.cn/world',
      events: ['sla.breached'],
      secret: 'world-secret-0123456',
      active: false,
    }),
  );
  return {
    api: { anonymous, admin, supervisor: zone.supervisor, officer: zone.officer, company: zone.companyApi },
    zone,
    request,
    notificationId: notes.items[0].id,
    webhookId: webhook.id,
  };
}

/** Counts of everything a rejected call could have written, read over the API. */
export async function snapshot(w: World): Promise<Record<string, unknown>> {
  const { admin, officer } = w.api;
  const total = async (path: string) => (await admin.ok(admin.get<{ total: number }>(path), [200])).total;
  return {
    requests: await total('/requests'),
    users: await total('/users'),
    companies: await total('/companies'),
    departments: await total('/departments'),
    policies: (await admin.ok(admin.get<unknown[]>('/sla/policies'), [200])).length,
    timeline: (await admin.timeline(w.request.id)).length,
    unreadNotifications: (await officer.ok(officer.get<{ total: number }>('/notifications?unread=true'), [200])).total,
    request: await admin
      .request(w.request.id)
      .then((r) => ({ status: r.status, escalation: r.sla?.escalationLevel, updatedAt: r.updatedAt })),
  };
}
