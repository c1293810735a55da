import type { NotificationPreferencesView, NotificationView, Page } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { aZone, anAssignedRequest } from '../support/fixtures';
import { SseClient } from '../support/sse';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

describe('notification preferences: mute a type or a channel', () => {
  let sys: TestSystem;
  let admin: Api;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'prefs' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await sys?.stop();
  });

  /** Waits until `n` lines were written for the user, hidden or not (mark-all-read counts every line). */
  const written = async (api: Api, n: number): Promise<void> => {
    let total = 0;
    await eventually(async () => {
      total += (await api.ok(api.post<{ updated: number }>('/notifications/read-all'), [200])).updated;
      return total >= n ? true : undefined;
    }, `${n} line(s) written`);
  };

  const put = (api: Api, body: unknown): Promise<NotificationPreferencesView> =>
    api.ok(api.call<NotificationPreferencesView>('PUT', '/notifications/preferences', body), [200]);

  it('starts with nothing muted, keeps fields left out, and names the bad field', async () => {
    const z = await aZone(admin);
    expect(await z.officer.ok(z.officer.get('/notifications/preferences'), [200])).toEqual({
      mutedTypes: [],
      mutedChannels: [],
      email: null,
      locale: 'zh-CN',
      updatedAt: null,
    });
    await put(z.officer, { email: 'li.wei@example.cn', locale: 'en' });
    const both = await put(z.officer, { mutedChannels: ['email'] });
    expect(both).toEqual(expect.objectContaining({ mutedChannels: ['email'], email: 'li.wei@example.cn', locale: 'en' }));
    // Settings are the caller's own.
    expect((await z.supervisor.ok(z.supervisor.get<NotificationPreferencesView>('/notifications/preferences'), [200])).email).toBeNull();

    for (const [body, field] of [
      [{ mutedTypes: ['request.nope'] }, 'mutedTypes'],
      [{ mutedChannels: ['sms'] }, 'mutedChannels'],
      [{ mutedTypes: ['sla.breached', 'sla.breached'] }, 'mutedTypes'],
      [{ email: 'not-an-address' }, 'email'],
      [{ locale: 'fr' }, 'locale'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const res = await z.officer.call<{ code: string; message: string }>('PUT', '/notifications/preferences', body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain(field);
    }
  });

  it('a muted type is neither listed nor streamed; unmuting shows it again and the stream follows at once', async () => {
    const z = await aZone(admin, { capacity: 10 });
    await put(z.officer, { mutedTypes: ['request.assigned'] });
    const stream = await SseClient.open(`${sys.baseUrl}/api/v1/notifications/stream`, { authorization: `Bearer ${z.officer.token ?? ''}` });
    streams.push(stream);

    const muted = await anAssignedRequest(z);
    await written(z.officer, 1);
    const listed = await z.officer.ok(z.officer.get<Page<NotificationView>>('/notifications'), [200]);
    expect(listed.items.some((n) => n.requestId === muted.id)).toBe(false);

    await put(z.officer, { mutedTypes: [] });
    // Nothing was thrown away: the line was written, only hidden.
    await eventually(
      async () => ((await z.officer.notifications()).items.some((n) => n.requestId === muted.id) ? true : undefined),
      'the muted line to show once unmuted',
    );
    const next = await anAssignedRequest(z);
    await eventually(
      async () => Promise.resolve(stream.notifications().find((n) => n.requestId === next.id)),
      'the next alert, live',
      15_000,
    );
    expect(stream.notifications().some((n) => n.requestId === muted.id)).toBe(false);
  });

  it('a muted in-app channel hides the feed and the stream, for that user only', async () => {
    const z = await aZone(admin, { capacity: 10 });
    const first = await anAssignedRequest(z);
    await eventually(async () => ((await z.officer.notifications()).total >= 1 ? true : undefined), 'the first line');
    await put(z.officer, { mutedChannels: ['in_app'] });
    expect((await z.officer.notifications()).total).toBe(0);
    const stream = await SseClient.open(`${sys.baseUrl}/api/v1/notifications/stream`, { authorization: `Bearer ${z.officer.token ?? ''}` });
    streams.push(stream);
    await anAssignedRequest(z);
    await written(z.officer, 2);
    // The company's user is not affected by the officer's settings.
    await z.officer.ok(z.officer.post(`/requests/${first.id}/accept`), [200]);
    await z.officer.ok(z.officer.post(`/requests/${first.id}/resolve`, { resolution: 'done' }), [200]);
    await eventually(
      async () => ((await z.companyApi.notifications()).items.some((n) => n.type === 'request.resolved') ? true : undefined),
      "the company's line",
    );
    await put(z.officer, { mutedChannels: [] });
    expect((await z.officer.notifications()).total).toBe(2);
    expect(stream.notifications()).toEqual([]);
  });
});
