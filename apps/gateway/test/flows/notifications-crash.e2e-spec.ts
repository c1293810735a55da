import type { Page, WebhookDeliveryView, WebhookView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { aZone, fileHiring } from '../support/fixtures';
import { ServiceProcess } from '../support/service-process';
import { SseClient } from '../support/sse';
import { TestSystem } from '../support/system';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(180_000);

/**
 * The notifications service runs as its own process (from dist/) and is killed with SIGKILL in the
 * middle of a burst: events in flight, feed lines half pushed, webhook posts half sent. After a
 * restart every request has exactly one feed line, one live event and one webhook delivery.
 */
describe('notifications killed mid-burst loses nothing and repeats nothing', () => {
  let sys: TestSystem;
  let admin: Api;
  let receiver: WebhookReceiver;
  let service: ServiceProcess | undefined;
  const env = { WEBHOOK_ALLOWED_HOSTS: 'localhost', WEBHOOK_BACKOFF_MS: '200', WEBHOOK_MAX_ATTEMPTS: '10' };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sys = await TestSystem.start({ label: 'notifcrash', replicas: { notifications: 0 }, env });
    service = await ServiceProcess.start('notifications', { ...sys.env, PROCESS_NICE: '3' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await service?.stop();
    await sys?.stop();
    await receiver?.stop();
  });

  it('PROCESS_NICE sets the CPU priority of every thread of the process', () => {
    expect(new Set(service!.threadNiceValues())).toEqual(new Set([3]));
  });

  it('a SIGKILL with events queued and in flight changes nothing a person sees', async () => {
    const N = 30;
    const hook = await admin.ok(
      admin.post<WebhookView>('/webhooks', {
        url: `http://localhost:${receiver.port}/crash`,
        events: ['request.assigned'],
        secret: 'crash-secret-0123456789',
      }),
      [201],
    );
    const z = await aZone(admin, { capacity: 100 });
    const stream = await SseClient.open(`${sys.baseUrl}/api/v1/notifications/stream`, { authorization: `Bearer ${z.officer.token ?? ''}` });
    const filed = await Promise.all(Array.from({ length: N }, () => fileHiring(z.companyApi, 1)));

    // Kill as soon as the first lines are in: the rest are queued, in flight or half pushed.
    await eventually(async () => ((await z.officer.notifications()).total >= 1 ? true : undefined), 'the first line', 30_000, 20);
    await service!.kill();
    const before = (await Promise.resolve(stream.notifications())).length;
    service = await ServiceProcess.start('notifications', sys.env);

    const lines = await eventually(
      async () => {
        const page = await z.officer.ok(z.officer.get<Page<{ requestId: string; id: string }>>('/notifications?pageSize=100'), [200]);
        return page.total >= N ? page.items : undefined;
      },
      `all ${N} lines after the restart`,
      120_000,
      250,
    );
    expect(lines).toHaveLength(N);
    expect(new Set(lines.map((l) => l.requestId))).toEqual(new Set(filed.map((r) => r.id)));

    // The open tab got each line once (repeats after a crash are dropped by id).
    const live = await eventually(
      async () => Promise.resolve(stream.notifications().length >= N ? stream.notifications() : undefined),
      'every line live',
      30_000,
    );
    expect(live.map((n) => n.id).sort()).toEqual(lines.map((l) => l.id).sort());

    // One delivery per request, each delivered (at least once: a post cut by the kill is sent again).
    const deliveries = await eventually(
      async () => {
        const page = await admin.ok(admin.get<Page<WebhookDeliveryView>>(`/webhooks/${hook.id}/deliveries?pageSize=100`), [200]);
        return page.items.length >= N && page.items.every((d) => d.status === 'succeeded') ? page.items : undefined;
      },
      'every webhook delivery succeeded',
      120_000,
      250,
    );
    expect(deliveries).toHaveLength(N);
    const bodies = receiver.at('/crash').map((x) => JSON.parse(x.body) as { id: string; data: { requestId: string } });
    expect(new Set(bodies.map((b) => b.data.requestId))).toEqual(new Set(filed.map((r) => r.id)));
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set(deliveries.map((d) => d.id)));
    await stream.close();
    console.log(`killed after ${before} live line(s); ${bodies.length} posts for ${N} deliveries`);
  });
});
