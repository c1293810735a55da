import type { NotificationView, Page } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { sign } from 'jsonwebtoken';
import { Api } from '../support/api';
import { aZone, anAssignedRequest, type Zone } from '../support/fixtures';
import { SseClient } from '../support/sse';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

const DEV_SECRET = 'qifu-development-secret-do-not-use-in-production';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('GET /notifications/stream (Server-Sent Events)', () => {
  let sys: TestSystem;
  let admin: Api;
  const open: SseClient[] = [];

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'sse', env: { SSE_HEARTBEAT_MS: '1000' } });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await sys?.stop();
  });

  const streamUrl = (): string => `${sys.baseUrl}/api/v1/notifications/stream`;
  const connect = async (api: Api, headers: Record<string, string> = {}): Promise<SseClient> => {
    const c = await SseClient.open(streamUrl(), { authorization: `Bearer ${api.token ?? ''}`, ...headers });
    open.push(c);
    return c;
  };
  const arrived = (
    c: SseClient,
    what: (n: NotificationView) => boolean,
    label: string,
  ): Promise<NotificationView & { receivedAt: number }> =>
    eventually(async () => Promise.resolve(c.notifications().find(what)), label, 15_000);

  it('delivers a new alert live within a second, only to the people it is for', async () => {
    const a: Zone = await aZone(admin);
    const b: Zone = await aZone(admin);
    const officerA = await connect(a.officer);
    // EventSource cannot send headers: the token may come in the query instead.
    const officerB = await SseClient.open(`${streamUrl()}?access_token=${encodeURIComponent(b.officer.token ?? '')}`);
    open.push(officerB);
    const companyA = await connect(a.companyApi);
    const companyB = await connect(b.companyApi);
    expect([officerA.status, officerB.status, companyA.contentType]).toEqual([200, 200, 'text/event-stream; charset=utf-8']);

    const ra = await anAssignedRequest(a);
    const rb = await anAssignedRequest(b);
    const gotA = await arrived(officerA, (n) => n.requestId === ra.id, "officer A's assignment");
    const gotB = await arrived(officerB, (n) => n.requestId === rb.id, "officer B's assignment");
    expect(gotA.type).toBe('request.assigned');
    expect(gotA.referenceNo).toBe(ra.referenceNo);
    // Within 1 s of the notification's createdAt (the contract).
    expect(gotA.receivedAt - new Date(gotA.createdAt).getTime()).toBeLessThan(1_000);
    expect(gotB.receivedAt - new Date(gotB.createdAt).getTime()).toBeLessThan(1_000);
    // The event id is the notification's id, and the line is the one the feed lists.
    const listed = await a.officer.notifications();
    expect(listed.items.find((n) => n.requestId === ra.id)).toEqual(
      expect.objectContaining({ id: gotA.id, type: 'request.assigned', message: gotA.message }),
    );
    expect(officerA.events.find((e) => e.data.includes(ra.id))?.id).toBe(gotA.id);

    // Company-wide lines reach every user of that company and nobody else.
    await a.officer.ok(a.officer.post(`/requests/${ra.id}/accept`), [200]);
    await a.officer.ok(a.officer.post(`/requests/${ra.id}/resolve`, { resolution: '已解决 done' }), [200]);
    const resolved = await arrived(companyA, (n) => n.requestId === ra.id && n.type === 'request.resolved', 'the resolved line');
    expect(resolved.receivedAt - new Date(resolved.createdAt).getTime()).toBeLessThan(1_000);

    await sleep(1_500); // anything misrouted would have arrived by now
    expect(officerA.notifications().every((n) => n.requestId === ra.id)).toBe(true);
    expect(officerB.notifications().map((n) => n.requestId)).toEqual([rb.id]);
    expect(companyB.notifications()).toEqual([]);
    expect(companyA.notifications().map((n) => n.type)).toEqual(['request.resolved']);

    // Operators see the open streams and the lines sent in /metrics.
    const metrics = await (await fetch(`${sys.baseUrl}/metrics`)).text();
    expect(Number(/^qifu_gateway_sse_open_streams (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(4);
    expect(Number(/^qifu_gateway_sse_notifications_sent_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('replays what was missed after a reconnect with Last-Event-ID, once each and in order', async () => {
    const z = await aZone(admin, { capacity: 10 });
    const first = await connect(z.officer);
    const r1 = await anAssignedRequest(z);
    await arrived(first, (n) => n.requestId === r1.id, 'the first assignment');
    const lastId = first.lastEventId();
    await first.close();

    // While the tab is closed, two more alerts are written.
    const r2 = await anAssignedRequest(z);
    const r3 = await anAssignedRequest(z);
    await eventually(async () => {
      const page = await z.officer.notifications();
      return [r2.id, r3.id].every((id) => page.items.some((n) => n.requestId === id)) ? page : undefined;
    }, 'both alerts in the feed');

    const again = await connect(z.officer, { 'last-event-id': lastId ?? '' });
    await arrived(again, (n) => n.requestId === r3.id, 'the replayed alerts');
    const r4 = await anAssignedRequest(z);
    await arrived(again, (n) => n.requestId === r4.id, 'the next live alert');
    expect(again.notifications().map((n) => n.requestId)).toEqual([r2.id, r3.id, r4.id]);
    expect(again.notifications().map((n) => n.eventId)).toEqual(again.notifications().map((n) => n.id));
  });

  it('sends heartbeats, refuses a missing token or a malformed Last-Event-ID, and ends when the token expires', async () => {
    const z = await aZone(admin);
    const noToken = await SseClient.open(streamUrl());
    expect(noToken.status).toBe(401);
    const badId = await connect(z.officer, { 'last-event-id': 'not-a-uuid' });
    expect(badId.status).toBe(400);
    expect(JSON.parse(badId.body)).toEqual(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Last-Event-ID') }),
    );
    // An id that is not the caller's replays nothing (and reveals nothing): the stream just goes live.
    const stranger = await connect(z.companyApi, { 'last-event-id': '00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(200);

    const u = z.officerUser;
    const shortLived = sign({ sub: u.id, role: u.role, companyId: u.companyId, departmentId: u.departmentId }, DEV_SECRET, {
      expiresIn: 3,
    });
    const c = await SseClient.open(streamUrl(), { authorization: `Bearer ${shortLived}` });
    open.push(c);
    expect(c.status).toBe(200);
    await eventually(async () => Promise.resolve(c.ended ? true : undefined), 'the stream to end at token expiry', 15_000);
    expect(c.events.map((e) => e.event)).toEqual(['token_expired']);
    // SSE_HEARTBEAT_MS is 1 s here: a 3 s stream carried at least two heartbeat comments.
    expect(c.comments.filter((x) => x.startsWith('heartbeat')).length).toBeGreaterThanOrEqual(2);
  });

  it('marks every line read at once', async () => {
    const z = await aZone(admin, { capacity: 10 });
    await anAssignedRequest(z);
    await anAssignedRequest(z);
    await eventually(async () => ((await z.officer.notifications()).items.length >= 2 ? true : undefined), 'two lines');
    const res = await z.officer.ok(z.officer.post<{ updated: number }>('/notifications/read-all'), [200]);
    expect(res.updated).toBeGreaterThanOrEqual(2);
    const unread = await z.officer.ok(z.officer.get<Page<NotificationView>>('/notifications?unread=true'), [200]);
    expect(unread.total).toBe(0);
    expect((await z.officer.post('/notifications/read-all', { extra: 1 })).status).toBe(400);
  });
});
