import { withDefaultUser } from '@qifu/database';
import { eventually } from '@qifu/testing';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aUser, aZone, anAssignedRequest, PASSWORD, type Zone } from '../support/fixtures';
import { MailCatcher } from '../support/mail-catcher';
import { TestSystem } from '../support/system';

jest.setTimeout(120_000);

describe('alert emails through SMTP_URL, in the reader’s language', () => {
  let sys: TestSystem;
  let admin: Api;
  let smtp: MailCatcher;

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    sys = await TestSystem.start({
      label: 'email',
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        EMAIL_FROM: 'Qifu 企服 <alerts@zone.example.cn>',
        PUBLIC_URL: 'https://desk.zone.example.cn',
        EMAIL_MAX_ATTEMPTS: '3',
        WEBHOOK_BACKOFF_MS: '200',
      },
    });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await sys?.stop();
    await smtp?.stop();
  });

  const prefs = (api: Api, body: unknown): Promise<unknown> => api.ok(api.call('PUT', '/notifications/preferences', body), [200]);
  const address = (who: string): string => `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@zone.example.cn`;

  it('mails the officer in English and the company’s users in Chinese, skipping a muted email channel', async () => {
    const z: Zone = await aZone(admin);
    const officerMail = address('officer');
    const companyMail = address('company');
    const mutedMail = address('muted');
    await prefs(z.officer, { email: officerMail, locale: 'en' });
    await prefs(z.companyApi, { email: companyMail });
    const colleague = await aUser(admin, { role: 'company', companyId: z.company.id });
    const colleagueApi = await new Api(sys.baseUrl).login(colleague.username, PASSWORD);
    await prefs(colleagueApi, { email: mutedMail, mutedChannels: ['email'] });

    const r = await anAssignedRequest(z);
    const assigned = await eventually(async () => Promise.resolve(smtp.to(officerMail)[0]), 'the officer’s email', 15_000);
    expect(assigned.subject).toBe(`[Qifu] New case assigned: ${r.referenceNo}`);
    expect(assigned.text).toContain(`${r.referenceNo} was assigned to you`);
    expect(assigned.text).toContain(`https://desk.zone.example.cn/workbench/cases/${r.id}`);
    expect(assigned.headers.from).toContain('alerts@zone.example.cn');
    expect(assigned.headers['x-qifu-notification']).toBe('request.assigned');

    await z.officer.ok(z.officer.post(`/requests/${r.id}/accept`), [200]);
    await z.officer.ok(z.officer.post(`/requests/${r.id}/request-info`, { items: ['营业执照副本'] }), [200]);
    const info = await eventually(async () => Promise.resolve(smtp.to(companyMail)[0]), 'the company’s email', 15_000);
    expect(info.subject).toBe(`[企服] 请补充材料：${r.referenceNo}`);
    expect(info.text).toContain(`工单 ${r.referenceNo} 需要补充材料`);
    expect(info.text).toContain(`https://desk.zone.example.cn/portal/requests/${r.id}`);
    expect(info.text).not.toContain('needs more information');

    // The colleague muted email, not the app: the line is in their feed, and no mail came.
    await eventually(
      async () => ((await colleagueApi.notifications()).items.some((n) => n.type === 'request.info_requested') ? true : undefined),
      'the colleague’s feed line',
    );
    await new Promise((res) => setTimeout(res, 1_000));
    expect(smtp.to(mutedMail)).toEqual([]);
    // One email per event and reader.
    expect(smtp.to(officerMail)).toHaveLength(1);
  });

  it('retries a relay that defers (4xx) and gives up at once on a permanent refusal (5xx)', async () => {
    const deferred = address('deferred');
    const refused = address('refused');
    smtp.refuse = (to, nth) =>
      to === deferred && nth <= 2
        ? { code: 451, message: 'try again later' }
        : to === refused
          ? { code: 550, message: 'no such mailbox' }
          : null;
    const a = await aZone(admin);
    const b = await aZone(admin);
    await prefs(a.officer, { email: deferred, locale: 'en' });
    await prefs(b.officer, { email: refused, locale: 'en' });
    await anAssignedRequest(a);
    await anAssignedRequest(b);
    await eventually(async () => Promise.resolve(smtp.to(deferred)[0]), 'the deferred email, third time lucky', 20_000);
    expect(smtp.tries.get(deferred)).toBe(3);

    const db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
    try {
      const rows = await eventually(async () => {
        const { rows } = await db.query<{ to_address: string; status: string; attempts: number; last_error: string | null }>(
          `SELECT to_address, status, attempts, last_error FROM notifications.email_deliveries WHERE to_address = ANY($1) ORDER BY to_address`,
          [[deferred, refused]],
        );
        return rows.length === 2 && rows.every((x) => x.status === 'succeeded' || x.status === 'dead') ? rows : undefined;
      }, 'both emails settled');
      const byAddress = Object.fromEntries(rows.map((x) => [x.to_address, x]));
      expect(byAddress[deferred]).toEqual(expect.objectContaining({ status: 'succeeded', attempts: 3 }));
      expect(byAddress[refused]).toEqual(expect.objectContaining({ status: 'dead', attempts: 1 }));
      expect(byAddress[refused]?.last_error).toContain('550');
    } finally {
      await db.end();
    }
    expect(smtp.tries.get(refused)).toBe(1);
  });
});
