import {
  EVENT_SUBSCRIBERS,
  INBOX_QUEUES,
  type EventEnvelope,
  type EventName,
  type Page,
  type WebhookDeliveryView,
  type WebhookView,
} from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { INBOX_JOB_OPTIONS } from '@qifu/messaging';
import { eventually } from '@qifu/testing';
import { createHmac } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { verifySignature } from '../../../notifications/src/webhooks/domain/webhook-signature';
import { Api } from '../support/api';
import { aZone, anAssignedRequest } from '../support/fixtures';
import { SseClient } from '../support/sse';
import { TestSystem } from '../support/system';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(120_000);

const SECRET = 'whsec-0123456789abcdef';

describe('webhooks: signed JSON, retries with backoff, delivery log, dead state, internal targets refused', () => {
  let sys: TestSystem;
  let admin: Api;
  let receiver: WebhookReceiver;
  const hooks: string[] = [];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sys = await TestSystem.start({
      label: 'hooks',
      env: {
        // The receiver runs on this machine: only the name "localhost" is let through, so the
        // internal-address guard stays on for every other way of writing 127.0.0.1.
        WEBHOOK_ALLOWED_HOSTS: 'localhost',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_BACKOFF_MS: '300',
        WEBHOOK_TIMEOUT_MS: '1500',
      },
    });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    // Other suites' hooks must not keep firing at a stopped receiver while the system stops.
    await sys?.stop();
    await receiver?.stop();
  });

  // Each test's hooks are switched off after it, so later filings do not reach them.
  afterEach(async () => {
    for (const id of hooks.splice(0)) await admin.ok(admin.call('PATCH', `/webhooks/${id}`, { active: false }), [200]);
  });

  const url = (path: string): string => `http://localhost:${receiver.port}${path}`;
  const createHook = async (path: string, events: string[] = ['request.assigned']): Promise<WebhookView> => {
    const hook = await admin.ok(admin.post<WebhookView>('/webhooks', { url: url(path), events, secret: SECRET }), [201]);
    hooks.push(hook.id);
    return hook;
  };
  const deliveries = async (id: string, query = ''): Promise<WebhookDeliveryView[]> =>
    (await admin.ok(admin.get<Page<WebhookDeliveryView>>(`/webhooks/${id}/deliveries${query}`), [200])).items;
  const settled = (id: string, status: string): Promise<WebhookDeliveryView> =>
    eventually(async () => (await deliveries(id)).find((d) => d.status === status), `a ${status} delivery`, 30_000, 100);

  it('posts a signed JSON body for a subscribed type and logs the status code', async () => {
    const hook = await createHook('/ok');
    expect(hook).toEqual(expect.objectContaining({ url: url('/ok'), events: ['request.assigned'], active: true }));
    expect(JSON.stringify(await admin.ok(admin.get(`/webhooks/${hook.id}`), [200]))).not.toContain(SECRET);
    const z = await aZone(admin);
    expect((await z.supervisor.post('/webhooks', { url: url('/x'), events: ['sla.breached'], secret: SECRET })).status).toBe(403);
    expect((await z.officer.get(`/webhooks/${hook.id}/deliveries`)).status).toBe(403);

    const r = await aZone(admin).then((zone) => anAssignedRequest(zone));
    const delivered = await settled(hook.id, 'succeeded');
    const got = await eventually(async () => Promise.resolve(receiver.at('/ok').find((x) => x.body.includes(r.referenceNo))), 'the POST');
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.headers['x-qifu-event']).toBe('request.assigned');
    expect(verifySignature(SECRET, got.body, got.headers['x-qifu-signature'] as string)).toBe(true);
    expect(verifySignature('another-secret-0000', got.body, got.headers['x-qifu-signature'] as string)).toBe(false);
    const body = JSON.parse(got.body) as { id: string; event: string; data: { requestId: string; referenceNo: string; message: string } };
    expect(body).toEqual(
      expect.objectContaining({ id: delivered.id, event: 'request.assigned', data: expect.objectContaining({ requestId: r.id }) }),
    );
    expect(got.headers['x-qifu-delivery']).toBe(delivered.id);
    expect(delivered).toEqual(expect.objectContaining({ attempts: 1, lastStatusCode: 200, body: got.body, type: 'request.assigned' }));
    expect(delivered.log.map((a) => a.statusCode)).toEqual([200]);
  });

  it('retries failures with growing delays and logs every try', async () => {
    receiver.on('/flaky', (nth) => (nth <= 2 ? 500 : 204));
    const hook = await createHook('/flaky');
    await anAssignedRequest(await aZone(admin));
    const d = await settled(hook.id, 'succeeded');
    expect(d.attempts).toBe(3);
    expect(d.log.map((a) => a.statusCode)).toEqual([500, 500, 204]);
    const at = receiver.at('/flaky').map((x) => x.at);
    // Exponential backoff from 300 ms with up to half taken off by jitter: ≥150 ms, then ≥300 ms.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(140);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(290);
  });

  it('marks a delivery dead after the last attempt', async () => {
    receiver.on('/down', () => 503);
    const hook = await createHook('/down');
    await anAssignedRequest(await aZone(admin));
    const dead = await settled(hook.id, 'dead');
    expect(dead.attempts).toBe(3);
    expect(dead.log.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    expect(dead.lastError).toContain('503');
    expect((await deliveries(hook.id, '?status=dead')).map((x) => x.id)).toEqual([dead.id]);
    expect(await deliveries(hook.id, '?status=succeeded')).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.at('/down')).toHaveLength(3);

    // Once the receiver is fixed, an admin sends it again: a fresh set of tries, the log kept.
    receiver.on('/down', () => 200);
    const again = await admin.ok(admin.post<WebhookDeliveryView>(`/webhooks/${hook.id}/deliveries/${dead.id}/redeliver`), [200]);
    expect([again.status, again.attempts]).toEqual(['pending', 0]);
    const redelivered = await settled(hook.id, 'succeeded');
    expect(redelivered.id).toBe(dead.id);
    expect(redelivered.log.map((a) => a.statusCode)).toEqual([503, 503, 503, 200]);
    expect(receiver.at('/down').at(-1)?.headers['x-qifu-delivery']).toBe(dead.id);
    expect((await admin.post(`/webhooks/${hook.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`)).status).toBe(404);
  });

  it('speaks to WeChat-work and DingTalk group bots in their own format, signed the DingTalk way', async () => {
    receiver.on('/ding', () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    receiver.on('/wecom', () => ({ status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' }));
    const ding = await admin.ok(
      admin.post<WebhookView>('/webhooks', {
        url: url('/ding?access_token=t0k'),
        events: ['request.assigned'],
        secret: SECRET,
        format: 'dingtalk',
      }),
      [201],
    );
    const wecom = await admin.ok(
      admin.post<WebhookView>('/webhooks', { url: url('/wecom?key=k3y'), events: ['request.assigned'], secret: SECRET, format: 'wecom' }),
      [201],
    );
    hooks.push(ding.id, wecom.id);
    expect([ding.format, wecom.format]).toEqual(['dingtalk', 'wecom']);
    const r = await anAssignedRequest(await aZone(admin));

    await settled(ding.id, 'succeeded');
    const post = receiver.at('/ding')[0]!;
    expect(JSON.parse(post.body)).toEqual({ msgtype: 'text', text: { content: expect.stringContaining(r.referenceNo) } });
    const timestamp = post.query.get('timestamp') ?? '';
    expect(post.query.get('access_token')).toBe('t0k');
    expect(Math.abs(Number(timestamp) - post.at)).toBeLessThan(60_000);
    expect(post.query.get('sign')).toBe(createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'));

    // A bot that answers 200 with a non-zero errcode did not take the message: retried, then dead.
    const dead = await settled(wecom.id, 'dead');
    expect(dead.log.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(dead.lastError).toContain('errcode 45009');
    expect((await admin.post('/webhooks', { url: url('/x'), events: ['sla.breached'], secret: SECRET, format: 'slack' })).status).toBe(400);
  });

  it('refuses internal targets, by literal address at creation and by DNS answer at delivery', async () => {
    for (const bad of [
      `http://127.0.0.1:${receiver.port}/x`,
      `http://[::1]:${receiver.port}/x`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/hook',
      'http://192.168.1.20/hook',
      'ftp://example.cn/hook',
      'not a url',
    ]) {
      const res = await admin.post<{ code: string; message: string }>('/webhooks', { url: bad, events: ['sla.breached'], secret: SECRET });
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
      expect(res.body.message).toMatch(/url/);
    }
    // "vm" resolves to 127.0.0.1 (/etc/hosts), and that name is not allow-listed: refused when resolved, once, never retried.
    const sneaky = await admin.ok(
      admin.post<WebhookView>('/webhooks', { url: `http://vm:${receiver.port}/sneaky`, events: ['request.assigned'], secret: SECRET }),
      [201],
    );
    await anAssignedRequest(await aZone(admin));
    const dead = await settled(sneaky.id, 'dead');
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toContain('WEBHOOK_ALLOWED_HOSTS');
    expect(receiver.at('/sneaky')).toHaveLength(0);
    await admin.ok(admin.call('DELETE', `/webhooks/${sneaky.id}`), [200]);
  });

  it('a receiver that hangs never delays the feed, and a duplicate event makes one delivery', async () => {
    receiver.on('/hang', () => 'hang');
    const hook = await createHook('/hang');
    const z = await aZone(admin);
    const stream = await SseClient.open(`${sys.baseUrl}/api/v1/notifications/stream`, { authorization: `Bearer ${z.officer.token ?? ''}` });
    const r = await anAssignedRequest(z);
    const line = await eventually(async () => Promise.resolve(stream.notifications().find((n) => n.requestId === r.id)), 'the live line');
    expect(line.receivedAt - new Date(line.createdAt).getTime()).toBeLessThan(1_000);
    await stream.close();
    // The receiver is still holding the first try when the feed line was already in the browser.
    const first = await eventually(async () => Promise.resolve(receiver.at('/hang')[0]), 'the first try');
    expect(line.receivedAt).toBeLessThan(first.at + 1_500);
    const timedOut = await eventually(async () => (await deliveries(hook.id)).find((d) => d.attempts >= 1), 'the timed-out try', 30_000);
    expect(timedOut.log[0]).toEqual(expect.objectContaining({ statusCode: null, error: expect.stringContaining('1500 ms') }));

    // The same event delivered again to notifications (as after a Redis loss) changes nothing.
    const db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
    const { rows } = await db.query<{ id: string; name: EventName; payload: EventEnvelope['payload']; occurred_at: Date }>(
      `SELECT id, name, payload, occurred_at FROM assignment.outbox WHERE name = 'request.assigned.v1' AND payload->>'requestId' = $1`,
      [r.id],
    );
    await db.end();
    expect(rows).toHaveLength(1);
    expect(EVENT_SUBSCRIBERS['request.assigned.v1']).toContain('notifications');
    const queue = new Queue(INBOX_QUEUES.notifications, { connection: { url: sys.env.REDIS_URL }, prefix: sys.queuePrefix });
    const row = rows[0]!;
    const envelope: EventEnvelope = {
      id: row.id,
      name: row.name,
      source: 'assignment',
      occurredAt: row.occurred_at.toISOString(),
      payload: row.payload,
    };
    const copy = await queue.add(envelope.name, envelope, { ...INBOX_JOB_OPTIONS, jobId: `again-${envelope.id}` });
    await eventually(async () => ((await copy.getState()) === 'completed' ? true : undefined), 'the copy handled');
    await queue.close();
    await new Promise((res) => setTimeout(res, 500));
    expect((await z.officer.notifications()).items.filter((n) => n.requestId === r.id)).toHaveLength(1);
    expect((await deliveries(hook.id)).filter((d) => d.body.includes(r.id))).toHaveLength(1);
  });
});
