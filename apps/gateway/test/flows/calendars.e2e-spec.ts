import type { CalendarImportView, CalendarView, SlaPolicyView } from '@qifu/contracts';
import { Api } from '../support/api';
import { aZone, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//holidays//ZH',
  'BEGIN:VEVENT',
  'UID:h1',
  'DTSTART;VALUE=DATE:20271001',
  'DTEND;VALUE=DATE:20271008',
  'SUMMARY:国庆节 假期',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:w1',
  'DTSTART;VALUE=DATE:20271009',
  'SUMMARY:国庆节 补班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:t1',
  'DTSTART:20270915T020000Z',
  'DTEND:20270915T030000Z',
  'SUMMARY:meeting',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const HALL = {
  name: 'Night desk',
  timezone: 'Asia/Shanghai',
  workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
  holidays: ['2027-03-01'],
  workdays: [],
};

describe('stored calendars', () => {
  let sys: TestSystem;
  let admin: Api;
  let z: Zone;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'calendars' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    z = await aZone(admin);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const due = async (id: string, from: string, duration: string): Promise<string> =>
    (
      await z.companyApi.ok(
        z.companyApi.get<{ dueAt: string }>(`/calendars/${id}/due?from=${encodeURIComponent(from)}&duration=${duration}`),
        [200],
      )
    ).dueAt;

  it('the built-in cn-default carries the State Council schedule: 3 working days from 2025-09-30 10:00 is 2025-10-11 10:00', async () => {
    expect(await due('cn-default', '2025-09-30T10:00:00+08:00', 'P3D')).toBe('2025-10-11T02:00:00.000Z');
    const list = await z.officer.ok(z.officer.get<CalendarView[]>('/calendars'), [200]);
    const cn = list.find((c) => c.id === 'cn-default');
    expect(cn).toMatchObject({ builtIn: true, timezone: 'Asia/Shanghai', amendments: { holidays: [], workdays: [] } });
    expect(cn!.holidays).toContain('2025-10-08');
    expect(cn!.workdays).toContain('2025-10-11');
    expect(cn!.datasetYears!.last).toBeGreaterThanOrEqual(2026);
  });

  it('amends cn-default at run time (PUT): a new holiday and a make-up day change the next due date', async () => {
    // Tue 2027-09-28 10:00 + P1D: without amendments Wed 29th.
    expect(await due('cn-default', '2027-09-28T10:00:00+08:00', 'P1D')).toBe('2027-09-29T02:00:00.000Z');
    const current = await admin.ok(admin.get<CalendarView>('/calendars/cn-default'), [200]);
    const put = await admin.call<CalendarView>('PUT', '/calendars/cn-default', {
      name: current.name,
      timezone: current.timezone,
      workingHours: current.workingHours,
      holidays: ['2027-09-29', '2027-09-30'],
      workdays: ['2027-10-02'],
    });
    expect(put.status).toBe(200);
    expect(put.body.amendments).toEqual({ holidays: ['2027-09-29', '2027-09-30'], workdays: ['2027-10-02'] });
    expect(put.body.version).toBe(current.version + 1);
    // 29th and 30th off, Oct 1 (Fri, beyond the dataset) worked, Sat Oct 2 a make-up day.
    expect(await due('cn-default', '2027-09-28T10:00:00+08:00', 'P1D')).toBe('2027-10-01T02:00:00.000Z');
    expect(await due('cn-default', '2027-09-28T10:00:00+08:00', 'P2D')).toBe('2027-10-02T02:00:00.000Z');
    // The dataset underneath is untouched.
    expect(await due('cn-default', '2025-09-30T10:00:00+08:00', 'P3D')).toBe('2025-10-11T02:00:00.000Z');
  });

  it('imports a published holiday calendar (ics): all-day events are holidays, 补班 events workdays, timed events ignored', async () => {
    const res = await admin.call<CalendarImportView>('POST', '/calendars/cn-default/import-ics', ICS, {
      'content-type': 'text/calendar; charset=utf-8',
    });
    expect(res.status).toBe(201);
    const body = res.body;
    expect(body.imported).toEqual({ holidays: 7, workdays: 1, ignoredEvents: 1 });
    expect(body.calendar.holidays).toEqual(expect.arrayContaining(['2027-10-01', '2027-10-07']));
    expect(body.calendar.workdays).toContain('2027-10-09');
    // Thu 2027-09-30 was amended off earlier; Fri Oct 1 is now a holiday too; Sat Oct 9 a make-up day.
    expect(await due('cn-default', '2027-09-28T10:00:00+08:00', 'P1D')).toBe('2027-10-08T02:00:00.000Z');
    expect(await due('cn-default', '2027-09-28T10:00:00+08:00', 'P2D')).toBe('2027-10-09T02:00:00.000Z');
  });

  it('creates a calendar, uses it in a policy and for due dates, and replaces it', async () => {
    const created = await admin.call<CalendarView>('POST', '/calendars', HALL);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ name: 'Night desk', builtIn: false, holidays: ['2027-03-01'], version: 1 });
    // Fri 2027-02-26 16:00 + PT2H: 1 h Friday, Monday Mar 1 is a holiday, 1 h Tuesday.
    expect(await due(id, '2027-02-26T16:00:00+08:00', 'PT2H')).toBe('2027-03-02T02:00:00.000Z');
    const replaced = await admin.call<CalendarView>('PUT', `/calendars/${id}`, { ...HALL, holidays: [] });
    expect(replaced.status).toBe(200);
    expect(await due(id, '2027-02-26T16:00:00+08:00', 'PT2H')).toBe('2027-03-01T02:00:00.000Z');
    const policy = await admin.call<SlaPolicyView>('PUT', '/sla/policies/night-desk', {
      match: { category: 'financing' },
      calendarId: id,
      response: { duration: 'PT2H', clock: 'business' },
      resolution: { duration: 'P2D', clock: 'business' },
      warnAt: [0.5],
      escalation: [],
    });
    expect(policy.status).toBe(200);
    expect((await admin.ok(admin.get<CalendarView>(`/calendars/${id}`), [200])).version).toBe(2);
  });

  it('rejects bad calendars with a 400 naming the field, and nothing is stored', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timezone: 'UTC+8' }, 'timezone'],
      [{ workingHours: [{ weekday: 1, open: '17:00', close: '09:00' }] }, 'workingHours'],
      [{ workingHours: [{ weekday: 1, open: '9:00', close: '17:00' }] }, 'open'],
      [{ workingHours: [{ weekday: 8, open: '09:00', close: '17:00' }] }, 'weekday'],
      [{ holidays: ['2027-02-29'] }, 'holidays'],
      [{ holidays: ['next monday'] }, 'holiday'],
      [{ holidays: ['2027-05-01'], workdays: ['2027-05-01'] }, 'workdays'],
      [{ name: '' }, 'name'],
      [{ colour: 'red' }, 'colour'],
    ];
    const before = (await admin.ok(admin.get<CalendarView[]>('/calendars'), [200])).length;
    for (const [patch, field] of cases) {
      const res = await admin.call<{ code: string; message: string }>('POST', '/calendars', { ...HALL, ...patch });
      expect([res.status, res.body.code, JSON.stringify(patch)]).toEqual([400, 'VALIDATION_FAILED', JSON.stringify(patch)]);
      expect(res.body.message).toContain(field);
    }
    expect((await admin.ok(admin.get<CalendarView[]>('/calendars'), [200])).length).toBe(before);
    const badIcs = await admin.call('POST', '/calendars/cn-default/import-ics', 'hello', { 'content-type': 'text/calendar' });
    expect(badIcs.status).toBe(400);
    const asJson = await admin.call<{ message: string }>('POST', '/calendars/cn-default/import-ics', { ics: ICS });
    expect(asJson.status).toBe(400);
    expect(asJson.body.message).toContain('text/calendar');
  });

  it('lets only admins write; unknown calendars are 404', async () => {
    expect((await z.supervisor.call('PUT', '/calendars/cn-default', HALL)).status).toBe(403);
    expect((await z.officer.call('POST', '/calendars', HALL)).status).toBe(403);
    expect((await z.companyApi.call('POST', '/calendars/cn-default/import-ics', 'x', { 'content-type': 'text/calendar' })).status).toBe(
      403,
    );
    expect((await admin.get('/calendars/no-such-calendar')).status).toBe(404);
    expect((await admin.call('PUT', '/calendars/no-such-calendar', HALL)).status).toBe(404);
    expect((await z.companyApi.get('/calendars/no-such-calendar/due?from=2025-01-01T00:00:00Z&duration=P1D')).status).toBe(404);
  });
});
