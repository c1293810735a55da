import { validateCalendar, type WorkingCalendar } from './working-calendar';

const valid: WorkingCalendar = {
  timezone: 'Asia/Shanghai',
  workingHours: [
    { weekday: 1, open: '09:00', close: '12:00' },
    { weekday: 1, open: '13:30', close: '17:30' },
    { weekday: 6, open: '00:00', close: '24:00' },
  ],
  holidays: ['2025-10-01'],
  workdays: ['2025-10-11'],
};

function withChanges(changes: Partial<Record<keyof WorkingCalendar, unknown>>): WorkingCalendar {
  return { ...valid, ...changes } as WorkingCalendar;
}

describe('validateCalendar', () => {
  it('accepts a valid calendar, touching intervals and a 24:00 close', () => {
    expect(validateCalendar(valid)).toEqual([]);
    expect(
      validateCalendar(
        withChanges({
          workingHours: [
            { weekday: 2, open: '09:00', close: '12:00' },
            { weekday: 2, open: '12:00', close: '13:00' },
            { weekday: 1, open: '08:00', close: '09:00' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it.each<[string, Partial<Record<keyof WorkingCalendar, unknown>>, string[]]>([
    ['unknown zone', { timezone: 'Mars/Olympus' }, ['timezone: "Mars/Olympus" is not an IANA time zone such as "Asia/Shanghai"']],
    ['offset instead of zone', { timezone: 'UTC+8' }, ['timezone: "UTC+8" is not an IANA time zone such as "Asia/Shanghai"']],
    ['missing zone', { timezone: undefined }, ['timezone: undefined is not an IANA time zone such as "Asia/Shanghai"']],
    [
      'bad HH:mm',
      { workingHours: [{ weekday: 1, open: '9:00', close: '17:60' }] },
      [
        'workingHours[0].open: "9:00" is not a time HH:mm between 00:00 and 23:59',
        'workingHours[0].close: "17:60" is not a time HH:mm between 00:00 and 24:00',
      ],
    ],
    [
      '24:00 as an opening',
      { workingHours: [{ weekday: 1, open: '24:00', close: '24:00' }] },
      ['workingHours[0].open: "24:00" is not a time HH:mm between 00:00 and 23:59'],
    ],
    [
      'open equal to close',
      { workingHours: [{ weekday: 1, open: '09:00', close: '09:00' }] },
      ['workingHours[0]: open 09:00 must be before close 09:00 (split a night shift at 24:00)'],
    ],
    [
      'open after close',
      { workingHours: [{ weekday: 1, open: '22:00', close: '06:00' }] },
      ['workingHours[0]: open 22:00 must be before close 06:00 (split a night shift at 24:00)'],
    ],
    [
      'weekday out of 1..7',
      {
        workingHours: [
          { weekday: 0, open: '09:00', close: '17:00' },
          { weekday: 8, open: '09:00', close: '17:00' },
          { weekday: 1.5, open: '09:00', close: '17:00' },
          { weekday: '1', open: '09:00', close: '17:00' },
          { weekday: 1, open: '09:00', close: '17:00' },
        ],
      },
      [
        'workingHours[0].weekday: 0 is not an ISO weekday 1 (Monday) .. 7 (Sunday)',
        'workingHours[1].weekday: 8 is not an ISO weekday 1 (Monday) .. 7 (Sunday)',
        'workingHours[2].weekday: 1.5 is not an ISO weekday 1 (Monday) .. 7 (Sunday)',
        'workingHours[3].weekday: "1" is not an ISO weekday 1 (Monday) .. 7 (Sunday)',
      ],
    ],
    [
      'overlapping intervals on one weekday',
      {
        workingHours: [
          { weekday: 3, open: '13:00', close: '17:00' },
          { weekday: 3, open: '09:00', close: '13:01' },
          { weekday: 4, open: '09:00', close: '13:01' },
        ],
      },
      ['workingHours[1]: Wed 09:00-13:01 overlaps workingHours[0] 13:00-17:00'],
    ],
    [
      'an interval inside another',
      {
        workingHours: [
          { weekday: 1, open: '09:00', close: '17:00' },
          { weekday: 1, open: '10:00', close: '11:00' },
        ],
      },
      ['workingHours[1]: Mon 10:00-11:00 overlaps workingHours[0] 09:00-17:00'],
    ],
    [
      'no working time at all',
      { workingHours: [] },
      ['workingHours: there is no working time in the week; give at least one {weekday, open, close}'],
    ],
    ['working hours not a list', { workingHours: 'Mon-Fri' }, ['workingHours: must be an array of {weekday, open, close}']],
    ['an entry not an object', { workingHours: [null] }, ['workingHours[0]: must be an object {weekday, open, close}']],
    [
      'bad dates',
      { holidays: ['2025-02-29', '2025/10/01', 20251001], workdays: ['2025-10-11', '2025-10-32'] },
      [
        'holidays[0]: "2025-02-29" is not a real date YYYY-MM-DD',
        'holidays[1]: "2025/10/01" is not a real date YYYY-MM-DD',
        'holidays[2]: 20251001 is not a real date YYYY-MM-DD',
        'workdays[1]: "2025-10-32" is not a real date YYYY-MM-DD',
      ],
    ],
    ['dates not a list', { holidays: '2025-10-01' }, ["holidays: must be an array of 'YYYY-MM-DD' dates"]],
    [
      'a date both holiday and workday',
      { holidays: ['2025-10-01', '2025-10-11'], workdays: ['2025-09-28', '2025-10-11'] },
      ['workdays[1]: 2025-10-11 is also in holidays[1]; a date is one or the other'],
    ],
    [
      'make-up workdays without Monday hours',
      { workingHours: [{ weekday: 2, open: '09:00', close: '17:00' }] },
      ['workdays: make-up workdays are worked with the hours of a Monday, but workingHours has none for weekday 1'],
    ],
  ])('reports %s', (_name, changes, problems) => {
    expect(validateCalendar(withChanges(changes))).toEqual(problems);
  });

  it('reports every problem at once', () => {
    const problems = validateCalendar(
      withChanges({ timezone: 'Nowhere', workingHours: [{ weekday: 9, open: '9', close: '10:00' }], holidays: ['x'] }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(/[:.[]/)[0])).toEqual(['timezone', 'workingHours', 'workingHours', 'holidays']);
  });

  it('does not throw on something that is not a calendar', () => {
    expect(validateCalendar(null as unknown as WorkingCalendar)).toEqual(['calendar: must be an object']);
  });
});
