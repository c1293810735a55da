import { layerAmendments, mergeImported } from './calendar-amendments';
import { IcsImportError, parseHolidayIcs } from './ics-import';

const ics = (...events: string[][]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//t//t//ZH',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('parseHolidayIcs', () => {
  it.each([
    [
      'an all-day event with DTEND is a run of holidays (DTEND exclusive)',
      [['UID:a', 'DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271004', 'SUMMARY:国庆节']],
      ['2027-10-01', '2027-10-02', '2027-10-03'],
      [],
      0,
    ],
    ['an all-day event without DTEND is one day', [['UID:a', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦']], ['2027-01-01'], [], 0],
    ['补班 marks a workday', [['UID:a', 'DTSTART;VALUE=DATE:20270207', 'SUMMARY:春节 补班']], [], ['2027-02-07'], 0],
    [
      '上班 marks a workday, even timed',
      [['UID:a', 'DTSTART:20270207T010000Z', 'DTEND:20270207T090000Z', 'SUMMARY:调休上班']],
      [],
      ['2027-02-07'],
      0,
    ],
    [
      'a timed event that is not a workday is ignored',
      [
        ['UID:a', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦'],
        ['UID:b', 'DTSTART:20270105T010000Z', 'DTEND:20270105T020000Z', 'SUMMARY:meeting'],
      ],
      ['2027-01-01'],
      [],
      1,
    ],
    [
      'a day both off and worked is worked',
      [
        ['UID:a', 'DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271003', 'SUMMARY:假期'],
        ['UID:b', 'DTSTART;VALUE=DATE:20271002', 'SUMMARY:补班'],
      ],
      ['2027-10-01'],
      ['2027-10-02'],
      0,
    ],
  ])('%s', (_name, events, holidays, workdays, ignored) => {
    expect(parseHolidayIcs(ics(...events))).toEqual({ holidays, workdays, ignoredEvents: ignored });
  });

  it.each([
    ['not iCalendar', 'hello'],
    ['no usable event', ics(['UID:b', 'DTSTART:20270105T010000Z', 'DTEND:20270105T020000Z', 'SUMMARY:meeting'])],
    ['an event over years', ics(['UID:a', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20370101', 'SUMMARY:typo'])],
  ])('refuses %s with a message', (_name, text) => {
    expect(() => parseHolidayIcs(text)).toThrow(IcsImportError);
  });
});

describe('amendments over the dataset', () => {
  const base = { timezone: 'Asia/Shanghai', workingHours: [], holidays: ['2027-10-01', '2027-10-02'], workdays: ['2027-10-09'] };
  const own = { timezone: 'Asia/Shanghai', workingHours: [{ weekday: 1, open: '09:00', close: '17:00' }] };

  it('adds holidays and workdays; an amended date wins over the dataset', () => {
    const cal = layerAmendments(base, { holidays: ['2027-10-09', '2027-12-31'], workdays: ['2027-10-02'] }, own);
    expect(cal.holidays).toEqual(['2027-10-01', '2027-10-09', '2027-12-31']);
    expect(cal.workdays).toEqual(['2027-10-02']);
    expect(cal.workingHours).toBe(own.workingHours);
  });

  it('sending the effective lists back changes nothing', () => {
    const cal = layerAmendments(base, { holidays: ['2027-12-31'], workdays: [] }, own);
    expect(layerAmendments(base, cal, own)).toEqual(cal);
  });

  it('imported dates join their list and leave the other', () => {
    expect(
      mergeImported(
        { holidays: ['2027-10-01', '2027-10-09'], workdays: ['2027-10-02'] },
        { holidays: ['2027-10-02'], workdays: ['2027-10-09'] },
      ),
    ).toEqual({
      holidays: ['2027-10-01', '2027-10-02'],
      workdays: ['2027-10-09'],
    });
  });
});
